namespace ActorEcho.Configuration.Parsing.Nodes;

/// <summary>
/// A key assigned twice where the outcome depends on substitutions: if <see cref="Newer"/> resolves to an object it
/// merges over an object <see cref="Older"/>; otherwise the newer value wins (an undefined newer value keeps the older).
/// </summary>
internal sealed class MergeNode : Node
{
    public MergeNode(Node older, Node newer)
        : base(newer.Position)
    {
        Older = older;
        Newer = newer;
    }

    public Node Older { get; }

    public Node Newer { get; }
}
