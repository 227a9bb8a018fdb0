namespace ActorEcho.Configuration.Parsing.Nodes;

/// <summary>An array literal whose elements may still contain substitutions.</summary>
internal sealed class ArrayNode : Node
{
    public ArrayNode(HoconPosition position, List<Node> items)
        : base(position)
    {
        Items = items;
    }

    public List<Node> Items { get; }
}
