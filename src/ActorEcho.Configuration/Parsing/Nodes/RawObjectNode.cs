namespace ActorEcho.Configuration.Parsing.Nodes;

/// <summary>An object literal as written: duplicates and includes are kept in order for the tree builder.</summary>
internal sealed class RawObjectNode : Node
{
    public RawObjectNode(HoconPosition position)
        : base(position)
    {
    }

    public List<RawItem> Items { get; } = [];
}
