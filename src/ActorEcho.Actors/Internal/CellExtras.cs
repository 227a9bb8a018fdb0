using ActorEcho.Actors.Dispatch;

namespace ActorEcho.Actors.Internal;

/// <summary>Per-actor state that most actors never need; allocated on first use (Proto.Actor's ActorContextExtras idea).</summary>
internal sealed class CellExtras
{
    /// <summary>Behaviours covered by BecomeStacked, bottom first; null stands for the actor's own Receive.</summary>
    public List<Receive?>? BehaviorStack;

    /// <summary>Terminated messages already queued, so an Unwatch in between can still cancel them (exactly once per watch).</summary>
    public HashSet<IActorRef>? TerminatedQueued;

    /// <summary>Unstashed messages, processed before the mailbox's queue.</summary>
    public LinkedList<Envelope>? Unstashed;

    public UnboundedStash? Stash;

    public TimerScheduler? Timers;

    public TimeSpan? ReceiveTimeout;

    public Timer? ReceiveTimeoutTimer;

    public ActorSynchronizationContext? SynchronizationContext;

    public Exception? PendingRestartCause;

    /// <summary>The message whose handling failed, handed to PreRestart.</summary>
    public object? FailedMessage;

    /// <summary>The child whose escalated failure made this actor fail: it is already suspended and is resumed with the cause.</summary>
    public IActorRef? Perpetrator;

    public Supervision.SupervisorStrategy? Strategy;
}
