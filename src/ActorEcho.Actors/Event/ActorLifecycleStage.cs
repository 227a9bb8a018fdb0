namespace ActorEcho.Actors.Event;

/// <summary>The lifecycle step an <see cref="ActorLifecycleEvent"/> reports.</summary>
public enum ActorLifecycleStage
{
    /// <summary>PreStart completed.</summary>
    Started,

    /// <summary>A new instance replaced a failed one (PostRestart completed).</summary>
    Restarted,

    /// <summary>PostStop completed and the mailbox is closed.</summary>
    Stopped,
}
