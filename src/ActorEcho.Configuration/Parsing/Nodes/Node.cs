namespace ActorEcho.Configuration.Parsing.Nodes;

/// <summary>
/// An unresolved document node. Parsing produces raw nodes, the tree builder merges them in document order,
/// and the resolver turns them into <see cref="HoconValue"/> once, memoising the result on the node.
/// </summary>
internal abstract class Node
{
    protected Node(HoconPosition position)
    {
        Position = position;
    }

    public HoconPosition Position { get; }

    public ResolveState State { get; set; }

    /// <summary>Gets or sets the substitution-stack depth when resolution of this node started (for cycle messages).</summary>
    public int StackDepth { get; set; }

    public HoconValue? Resolved { get; set; }
}
