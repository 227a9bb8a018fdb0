using Microsoft.Extensions.Logging;

namespace ActorEcho.Actors;

/// <summary>What an actor can see and do about itself while it processes a message: its identity, its children, its behaviour.</summary>
/// <remarks>Only valid on the actor's own turn; do not capture it into other threads.</remarks>
public interface IActorContext
{
    /// <summary>This actor's reference.</summary>
    IActorRef Self { get; }

    /// <summary>The sender of the current message; dead letters when there was none.</summary>
    IActorRef Sender { get; }

    /// <summary>This actor's supervisor.</summary>
    IActorRef Parent { get; }

    /// <summary>The system this actor belongs to.</summary>
    ActorSystem System { get; }

    /// <summary>The props this actor was created from.</summary>
    Props Props { get; }

    /// <summary>Live children (not those already stopping).</summary>
    IEnumerable<IActorRef> Children { get; }

    /// <summary>The receive timeout in force, if any.</summary>
    TimeSpan? ReceiveTimeout { get; }

    /// <summary>The live child named <paramref name="name"/>, or <see cref="ActorRefs.Nobody"/>.</summary>
    IActorRef Child(string name);

    /// <summary>Creates a child supervised by this actor; <paramref name="name"/> must be unique among its siblings (generated when null).</summary>
    IActorRef ActorOf(Props props, string? name = null);

    /// <summary>Stops <paramref name="actor"/> (this actor or a child) after its current message; its children stop first.</summary>
    void Stop(IActorRef actor);

    /// <summary>Replaces the current behaviour.</summary>
    void Become(Receive receive);

    /// <summary>Pushes a behaviour; <see cref="UnbecomeStacked"/> returns to the previous one.</summary>
    void BecomeStacked(Receive receive);

    /// <summary>Pops the behaviour pushed last.</summary>
    void UnbecomeStacked();

    /// <summary>Delivers <see cref="Terminated"/> to this actor when <paramref name="subject"/> stops (at once if it already has).</summary>
    IActorRef Watch(IActorRef subject);

    /// <summary>Like <see cref="Watch"/>, delivering <paramref name="message"/> instead of <see cref="Terminated"/>.</summary>
    IActorRef WatchWith(IActorRef subject, object message);

    /// <summary>Stops watching; a Terminated not yet processed is dropped.</summary>
    IActorRef Unwatch(IActorRef subject);

    /// <summary>Sends <see cref="Actors.ReceiveTimeout"/> after this long without messages; null turns it off.</summary>
    void SetReceiveTimeout(TimeSpan? timeout);

    /// <summary>A logger for this actor (source: its path) that writes to the system's logging providers and event stream.</summary>
    ILogger GetLogger();
}
