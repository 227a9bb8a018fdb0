namespace ActorEcho.Actors;

/// <summary>Actors that implement this get an unbounded <see cref="IStash"/> injected before their first message.</summary>
public interface IWithStash
{
    /// <summary>The actor's stash; set by the runtime.</summary>
    IStash Stash { get; set; }
}
