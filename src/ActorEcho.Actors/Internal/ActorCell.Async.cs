using System.Runtime.ExceptionServices;
using ActorEcho.Actors.Dispatch;

namespace ActorEcho.Actors.Internal;

/// <summary>
/// Async handlers: while a handler's task is pending the mailbox is suspended for user messages, and every continuation
/// of the handler runs on the actor's own turn (posted as a system message through <see cref="ActorSynchronizationContext"/>),
/// so actor state is never touched from two threads and <c>Sender</c> stays valid across awaits.
/// </summary>
internal sealed partial class ActorCell
{
    internal void RunAsyncHandler<TState>(Func<TState, Task> handler, TState state)
    {
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(Extras.SynchronizationContext ??= new ActorSynchronizationContext(this));
        Task task;
        try
        {
            task = handler(state);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }

        if (task.IsCompletedSuccessfully)
        {
            return;
        }

        if (task.IsCompleted)
        {
            ThrowTaskFailure(task);
        }

        _state |= CellState.AsyncPending;
        Mailbox.SuspendCount++;
        task.ContinueWith(
            static (t, s) => ((ActorCell)s!).Self.SendSystemMessage(new AsyncHandlerCompleted(t)),
            this,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private void RunAsyncContinuation(RunContinuation continuation)
    {
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(_extras?.SynchronizationContext);
        try
        {
            continuation.Callback(continuation.State);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }
    }

    private void HandleAsyncHandlerCompleted(Task task)
    {
        if ((_state & CellState.AsyncPending) == 0)
        {
            return; // the actor restarted or stopped meanwhile; that incarnation's task no longer matters
        }

        _state &= ~CellState.AsyncPending;
        if (Mailbox.SuspendCount > 0)
        {
            Mailbox.SuspendCount--;
        }

        try
        {
            if (!task.IsCompletedSuccessfully)
            {
                ThrowTaskFailure(task);
            }
        }
        finally
        {
            _currentMessage = null;
            _currentSender = null;
        }
    }

    private static void ThrowTaskFailure(Task task)
    {
        if (task.Exception is { } aggregate)
        {
            ExceptionDispatchInfo.Throw(aggregate.InnerExceptions.Count == 1 ? aggregate.InnerExceptions[0] : aggregate);
        }

        throw new TaskCanceledException(task);
    }
}
