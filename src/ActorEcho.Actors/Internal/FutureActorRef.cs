using ActorEcho.Actors.Dispatch;

namespace ActorEcho.Actors.Internal;

/// <summary>
/// The temporary reply address of one ask: the first reply completes the task (a <see cref="Status.Failure"/> fails it), the
/// target's death before replying fails it, and so does the timeout. Later messages go nowhere.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA2213", Justification = "The timer is disposed when the ask completes (Cleanup).")]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The timer is disposed when the ask completes (Cleanup).")]
internal sealed class FutureActorRef<T> : MinimalActorRef
{
    private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly IActorRef _target;
    private readonly TimeSpan? _timeout;
    private CancellationTokenRegistration _cancellation;
    private Timer? _timer;

    public FutureActorRef(ActorPath path, IActorRef target, TimeSpan? timeout)
    {
        Path = path;
        _target = target;
        _timeout = timeout;
    }

    public override ActorPath Path { get; }

    public override bool IsTerminated => _completion.Task.IsCompleted;

    public Task<T> Task => _completion.Task;

    public void Start(CancellationToken cancellationToken)
    {
        if (_timeout is { } timeout)
        {
            _timer = new Timer(static s => ((FutureActorRef<T>)s!).Fail(new AskTimeoutException(((FutureActorRef<T>)s!).TimeoutMessage())), this, timeout, System.Threading.Timeout.InfiniteTimeSpan);
        }

        if (cancellationToken.CanBeCanceled)
        {
            _cancellation = cancellationToken.Register(static s => ((FutureActorRef<T>)s!).Cancel(), this);
        }
    }

    protected override void TellCore(object message, IActorRef? sender)
    {
        switch (message)
        {
            case T reply:
                if (_completion.TrySetResult(reply))
                {
                    Cleanup();
                }

                break;
            case Status.Failure failure:
                Fail(failure.Cause);
                break;
            default:
                Fail(new InvalidCastException(
                    $"Ask of {_target.Path} expected a reply of type {typeof(T).Name} but got {message.GetType().Name}: {message}"));
                break;
        }
    }

    public override void SendSystemMessage(SystemMessage message)
    {
        if (message is DeathWatchNotification notification && notification.Actor.Equals(_target))
        {
            Fail(new AskTimeoutException($"Ask of {_target.Path} failed: the target terminated before replying."));
        }
    }

    private string TimeoutMessage() =>
        $"Ask of {_target.Path} timed out after {_timeout!.Value.TotalMilliseconds:0} ms without a reply.";

    private void Cancel()
    {
        if (_completion.TrySetCanceled())
        {
            Cleanup();
        }
    }

    private void Fail(Exception cause)
    {
        if (_completion.TrySetException(cause))
        {
            Cleanup();
        }
    }

    private void Cleanup()
    {
        _timer?.Dispose();
        _cancellation.Dispose();
        if (_target is IInternalActorRef target)
        {
            target.SendSystemMessage(new Unwatch(target, this));
        }
    }
}
