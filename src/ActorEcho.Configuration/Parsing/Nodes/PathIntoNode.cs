namespace ActorEcho.Configuration.Parsing.Nodes;

/// <summary>
/// The earlier value of a self-referential substitution that lies inside a value not resolved yet:
/// resolve <see cref="Target"/>, then follow <see cref="Remaining"/>.
/// </summary>
internal sealed class PathIntoNode : Node
{
    public PathIntoNode(Node target, HoconPath remaining, SubstitutionNode substitution)
        : base(substitution.Position)
    {
        Target = target;
        Remaining = remaining;
        Substitution = substitution;
    }

    public Node Target { get; }

    public HoconPath Remaining { get; }

    public SubstitutionNode Substitution { get; }
}
