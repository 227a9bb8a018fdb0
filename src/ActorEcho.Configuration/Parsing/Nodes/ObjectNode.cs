namespace ActorEcho.Configuration.Parsing.Nodes;

/// <summary>An object after duplicate keys were merged in document order; values may be unresolved.</summary>
internal sealed class ObjectNode : Node
{
    public ObjectNode(HoconPosition position)
        : base(position)
    {
    }

    public OrderedDictionary<string, Node> Fields { get; } = new(StringComparer.Ordinal);
}
