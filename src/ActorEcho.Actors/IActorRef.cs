namespace ActorEcho.Actors;

/// <summary>
/// An immutable, location-transparent handle to an actor: the only way to talk to it is to <see cref="Tell"/> it a message.
/// </summary>
/// <remarks>Two references are equal when they point at the same incarnation (same path and uid).</remarks>
public interface IActorRef : IEquatable<IActorRef>, IComparable<IActorRef>
{
    /// <summary>Where the actor lives in its system's hierarchy.</summary>
    ActorPath Path { get; }

    /// <summary>Enqueues <paramref name="message"/> for the actor and returns at once; <paramref name="sender"/> is what the receiver sees as <c>Sender</c>.</summary>
    /// <exception cref="InvalidMessageException"><paramref name="message"/> is null.</exception>
    void Tell(object message, IActorRef? sender);
}
