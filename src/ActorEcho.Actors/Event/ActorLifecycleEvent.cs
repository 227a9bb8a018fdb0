namespace ActorEcho.Actors.Event;

/// <summary>Published on the event stream when an actor starts, restarts or stops, while anyone subscribes to it (it costs nothing otherwise).</summary>
public sealed class ActorLifecycleEvent(IActorRef actor, ActorLifecycleStage stage, Exception? cause = null)
{
    /// <summary>The actor.</summary>
    public IActorRef Actor { get; } = actor;

    /// <summary>What happened.</summary>
    public ActorLifecycleStage Stage { get; } = stage;

    /// <summary>The failure behind a restart, if any.</summary>
    public Exception? Cause { get; } = cause;

    /// <inheritdoc />
    public override string ToString() => $"{Actor.Path} {Stage}";
}
