namespace ActorEcho.Configuration.Parsing.Nodes;

/// <summary>Resolution progress of a node; seeing <see cref="InProgress"/> again means a cycle.</summary>
internal enum ResolveState
{
    NotStarted,
    InProgress,
    Done,
}
