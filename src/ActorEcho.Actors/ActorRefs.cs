using ActorEcho.Actors.Internal;

namespace ActorEcho.Actors;

/// <summary>Well-known references that are not actors.</summary>
public static class ActorRefs
{
    /// <summary>A reference that discards everything sent to it; returned by lookups that find nothing.</summary>
    public static IActorRef Nobody { get; } = NobodyRef.Instance;

    /// <summary>The "no sender" value for <see cref="IActorRef.Tell"/>: replies go to dead letters.</summary>
    public static IActorRef? NoSender => null;
}
