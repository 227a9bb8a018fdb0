namespace ActorEcho.Actors;

/// <summary>
/// Sets messages aside to handle later, typically until a behaviour change: <see cref="Stash"/> keeps the current message,
/// <see cref="UnstashAll()"/> puts them back in front of the mailbox in their original order. Survives restarts (stashed
/// messages are unstashed before the new instance starts); goes to dead letters when the actor stops.
/// </summary>
public interface IStash
{
    /// <summary>Number of stashed messages.</summary>
    int Count { get; }

    /// <summary>Stashes the message being processed.</summary>
    /// <exception cref="IllegalActorStateException">The same message is stashed twice, or there is no current message.</exception>
    void Stash();

    /// <summary>Puts the oldest stashed message back in front of the mailbox.</summary>
    void Unstash();

    /// <summary>Puts every stashed message back in front of the mailbox, oldest first.</summary>
    void UnstashAll();

    /// <summary>Puts back the stashed messages that match <paramref name="predicate"/>; the others stay stashed.</summary>
    void UnstashAll(Func<object, bool> predicate);

    /// <summary>Drops every stashed message and returns them, oldest first.</summary>
    IReadOnlyList<object> ClearStash();
}
