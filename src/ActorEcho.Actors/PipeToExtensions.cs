namespace ActorEcho.Actors;

/// <summary>Turns the completion of a task into a message, so async work started by an actor comes back through its mailbox.</summary>
public static class PipeToExtensions
{
    /// <summary>
    /// When <paramref name="task"/> completes, tells <paramref name="recipient"/> its result (mapped by <paramref name="success"/>), or a
    /// <see cref="Status.Failure"/> (mapped by <paramref name="failure"/>) if it failed or was cancelled.
    /// </summary>
    public static Task PipeTo<T>(this Task<T> task, IActorRef recipient, IActorRef? sender = null, Func<T, object>? success = null, Func<Exception, object>? failure = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(recipient);
        return task.ContinueWith(
            t => recipient.Tell(
                t.IsCompletedSuccessfully ? (success is null ? (object?)t.Result ?? new Status.Success(null) : success(t.Result)) : Failure(t, failure),
                sender),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    /// <summary>When <paramref name="task"/> completes, tells <paramref name="recipient"/> <see cref="Status.Success"/> (or what <paramref name="success"/> builds), or a failure.</summary>
    public static Task PipeTo(this Task task, IActorRef recipient, IActorRef? sender = null, Func<object>? success = null, Func<Exception, object>? failure = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(recipient);
        return task.ContinueWith(
            t => recipient.Tell(t.IsCompletedSuccessfully ? success?.Invoke() ?? new Status.Success(null) : Failure(t, failure), sender),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private static object Failure(Task task, Func<Exception, object>? failure)
    {
        Exception cause = task.Exception is { } aggregate
            ? (aggregate.InnerExceptions.Count == 1 ? aggregate.InnerExceptions[0] : aggregate)
            : new TaskCanceledException(task);
        return failure is null ? new Status.Failure(cause) : failure(cause);
    }
}
