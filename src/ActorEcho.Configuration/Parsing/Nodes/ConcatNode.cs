namespace ActorEcho.Configuration.Parsing.Nodes;

/// <summary>Values written next to each other on one line; joined as strings, arrays or objects at resolve time.</summary>
internal sealed class ConcatNode : Node
{
    public ConcatNode(HoconPosition position, List<Node> parts)
        : base(position)
    {
        Parts = parts;
    }

    public List<Node> Parts { get; }
}
