namespace ActorEcho.Configuration.Parsing.Nodes;

/// <summary>A literal value; whitespace between concatenated values is kept as a whitespace scalar.</summary>
internal sealed class ScalarNode : Node
{
    public ScalarNode(HoconScalar value, HoconPosition position, bool isWhitespace = false, bool isUnquoted = false)
        : base(position)
    {
        Value = value;
        IsWhitespace = isWhitespace;
        IsUnquoted = isUnquoted;
    }

    public HoconScalar Value { get; }

    public bool IsWhitespace { get; }

    public bool IsUnquoted { get; }
}
