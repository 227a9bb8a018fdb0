using ActorEcho.Actors.Internal;

namespace ActorEcho.Actors.Dispatch;

/// <summary>
/// Lifecycle and supervision messages. They travel in a separate lock-free stack (intrusive <see cref="Next"/> link) and are
/// processed before user messages, also while the actor is suspended.
/// </summary>
internal abstract class SystemMessage
{
    /// <summary>The next message in the mailbox's system stack; owned by the mailbox.</summary>
    internal SystemMessage? Next;
}

/// <summary>Creates the actor instance and runs PreStart.</summary>
internal sealed class Create : SystemMessage
{
}

/// <summary>Restarts the actor after a failure, as decided by its supervisor.</summary>
internal sealed class Recreate(Exception cause) : SystemMessage
{
    public Exception Cause { get; } = cause;
}

/// <summary>Stops processing user messages until a matching <see cref="Resume"/> (nests).</summary>
internal sealed class Suspend : SystemMessage
{
}

/// <summary>Undoes one <see cref="Suspend"/>; when caused by a failure, also clears the failed state.</summary>
internal sealed class Resume(Exception? causedByFailure) : SystemMessage
{
    public Exception? CausedByFailure { get; } = causedByFailure;
}

/// <summary>Stops the actor: children first, then PostStop, then death-watch notifications.</summary>
internal sealed class Terminate : SystemMessage
{
}

/// <summary><see cref="Watcher"/> wants a notification when <see cref="Watchee"/> stops.</summary>
internal sealed class Watch(IInternalActorRef watchee, IInternalActorRef watcher) : SystemMessage
{
    public IInternalActorRef Watchee { get; } = watchee;

    public IInternalActorRef Watcher { get; } = watcher;
}

/// <summary><see cref="Watcher"/> no longer wants a notification for <see cref="Watchee"/>.</summary>
internal sealed class Unwatch(IInternalActorRef watchee, IInternalActorRef watcher) : SystemMessage
{
    public IInternalActorRef Watchee { get; } = watchee;

    public IInternalActorRef Watcher { get; } = watcher;
}

/// <summary>Tells a watcher (or the parent) that <see cref="Actor"/> has stopped.</summary>
internal sealed class DeathWatchNotification(IInternalActorRef actor, bool existenceConfirmed) : SystemMessage
{
    public IInternalActorRef Actor { get; } = actor;

    public bool ExistenceConfirmed { get; } = existenceConfirmed;
}

/// <summary>A child reports its failure to its parent, which applies its supervisor strategy.</summary>
internal sealed class Failed(IInternalActorRef child, Exception cause, long uid) : SystemMessage
{
    public IInternalActorRef Child { get; } = child;

    public Exception Cause { get; } = cause;

    public long Uid { get; } = uid;
}

/// <summary>Runs a continuation of an async handler on the actor's own turn (see <see cref="ActorSynchronizationContext"/>).</summary>
internal sealed class RunContinuation(SendOrPostCallback callback, object? state) : SystemMessage
{
    public SendOrPostCallback Callback { get; } = callback;

    public object? State { get; } = state;
}

/// <summary>The task returned by an async handler has completed: the actor resumes its mailbox, or fails.</summary>
internal sealed class AsyncHandlerCompleted(Task task) : SystemMessage
{
    public Task Task { get; } = task;
}
