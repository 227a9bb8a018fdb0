using ActorEcho.Actors.Internal;

namespace ActorEcho.Actors;

/// <summary>Conveniences on <see cref="IActorRef"/>.</summary>
public static class ActorRefExtensions
{
    /// <summary>
    /// Sends <paramref name="message"/> with the current actor as the sender when called from inside an actor, and no sender otherwise,
    /// as Akka.NET's one-argument <c>Tell</c> does.
    /// </summary>
    public static void Tell(this IActorRef receiver, object message)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        receiver.Tell(message, ActorCell.Current?.Self);
    }

    /// <summary>Sends <paramref name="message"/> to <paramref name="receiver"/>, keeping the current message's sender as the sender.</summary>
    public static void Forward(this IActorRef receiver, object message)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        var current = ActorCell.Current;
        receiver.Tell(message, current?.CurrentSender);
    }

    /// <summary>True when the reference is <see cref="ActorRefs.Nobody"/> or null.</summary>
    public static bool IsNobody(this IActorRef? actorRef) => actorRef is null or NobodyRef;
}
