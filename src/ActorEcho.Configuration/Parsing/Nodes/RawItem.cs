namespace ActorEcho.Configuration.Parsing.Nodes;

/// <summary>
/// One entry of a parsed object body in source order: a field (<see cref="Path"/> set) or the content of an include
/// (<see cref="Path"/> null, <see cref="Value"/> is the included <see cref="RawObjectNode"/>).
/// </summary>
internal sealed record RawItem(HoconPath? Path, Node Value, bool Append, HoconPosition Position);
