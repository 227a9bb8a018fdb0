using ActorEcho.Actors.Dispatch;
using Microsoft.Extensions.Logging;

namespace ActorEcho.Actors.Internal;

/// <summary>
/// The runtime's side of one actor: its instance, behaviour, children, death watch and supervision state. Everything here runs
/// on the actor's own turn (one thread at a time, via its <see cref="Mailbox"/>) unless a member says otherwise.
/// </summary>
/// <remarks>Rarely used state (behaviour stack, timers, stash front queue) lives in a lazily created <see cref="CellExtras"/>, and death
/// watch in its own <see cref="DeathWatchLinks"/>, so an idle actor stays small.</remarks>
internal sealed partial class ActorCell : IActorContext
{
    [ThreadStatic]
    private static ActorCell? t_current;

    /// <summary>The cell whose Props factory is running on this thread; taken (and cleared) by the one ActorBase constructor it allows.</summary>
    [ThreadStatic]
    private static ActorCell? t_creating;

    private ActorBase? _actor;
    private Receive? _behavior;
    private object? _currentMessage;
    private IActorRef? _currentSender;
    private CellExtras? _extras;

    /// <summary>Whom this actor watches and who watches it; kept out of <see cref="CellExtras"/>, so a watching or watched actor needs neither it nor a hash table.</summary>
    private DeathWatchLinks? _watch;

    private CellState _state;

    public ActorCell(ActorSystem system, IInternalActorRef parent, Props props, ActorPath path, MailboxSettings mailboxSettings)
    {
        System = system;
        Parent = parent;
        Props = props;
        Self = new LocalActorRef(this, path);
        Mailbox = new Mailbox(this, mailboxSettings);
    }

    [Flags]
    private enum CellState
    {
        None = 0,
        Created = 1,
        Failed = 2,
        Terminating = 4,
        Terminated = 8,
        AsyncPending = 16,
        WaitingForChildrenToRestart = 32,
    }

    /// <summary>The cell whose turn is running on this thread, if any: the implicit sender of one-argument <c>Tell</c>.</summary>
    internal static ActorCell? Current
    {
        get => t_current;
        set => t_current = value;
    }

    public ActorSystem System { get; }

    /// <summary>Hands the cell being created to the actor constructor that runs inside its factory, once.</summary>
    internal static ActorCell? TakeCreating()
    {
        var cell = t_creating;
        t_creating = null;
        return cell;
    }

    public IInternalActorRef Parent { get; }

    IActorRef IActorContext.Parent => Parent;

    public Props Props { get; }

    public LocalActorRef Self { get; }

    IActorRef IActorContext.Self => Self;

    public Mailbox Mailbox { get; }

    /// <summary>The sender of the message being processed, or dead letters when there is none.</summary>
    public IActorRef Sender => _currentSender ?? System.DeadLetters;

    internal IActorRef? CurrentSender => _currentSender;

    internal object? CurrentMessage => _currentMessage;

    internal ActorBase? Actor => _actor;

    internal bool CanProcessUserMessages =>
        Mailbox.SuspendCount == 0 && (_state & (CellState.Terminating | CellState.Terminated)) == 0 && !Mailbox.IsClosed;

    internal bool IsTerminating => (_state & (CellState.Terminating | CellState.Terminated)) != 0;

    internal ILogger RuntimeLog => System.RuntimeLog;

    private CellExtras Extras => _extras ??= new CellExtras();

    /// <summary>Processes one user message: runtime-handled messages first, then the current behaviour.</summary>
    internal void Invoke(in Envelope envelope)
    {
        _currentMessage = envelope.Message;
        _currentSender = envelope.Sender;
        try
        {
            if (envelope.Message is IAutoReceivedMessage)
            {
                AutoReceive(envelope.Message);
            }
            else
            {
                ReceiveMessage(envelope.Message);
            }
        }
        catch (Exception ex) when (IsNonFatal(ex))
        {
            HandleInvokeFailure(ex);
        }
        finally
        {
            if ((_state & CellState.AsyncPending) == 0)
            {
                _currentMessage = null;
                _currentSender = null;
            }

            if (_extras?.ReceiveTimeout is not null && RestartsReceiveTimeout(envelope.Message))
            {
                RescheduleReceiveTimeout();
            }
        }
    }

    /// <summary>
    /// Any message restarts the idle timer except INotInfluenceReceiveTimeout ones (also as a timer's payload); the timeout's own
    /// message re-arms it, so an actor that stays idle keeps receiving it.
    /// </summary>
    private static bool RestartsReceiveTimeout(object message) => message switch
    {
        Actors.ReceiveTimeout => true,
        TimerMessage timer => timer.Message is not INotInfluenceReceiveTimeout,
        _ => message is not INotInfluenceReceiveTimeout,
    };

    internal void ReceiveMessage(object message)
    {
        var actor = _actor!;
        if (!(_behavior is null ? actor.InvokeReceive(message) : _behavior(message)))
        {
            actor.AroundUnhandled(message);
        }
    }

    private void AutoReceive(object message)
    {
        switch (message)
        {
            case Terminated terminated:
                if (ShouldDeliverTerminated(terminated.ActorRef))
                {
                    ReceiveMessage(terminated);
                }

                break;
            case TerminatedWith terminatedWith:
                if (ShouldDeliverTerminated(terminatedWith.ActorRef))
                {
                    ReceiveMessage(terminatedWith.Message);
                }

                break;
            case PoisonPill:
                Self.SendSystemMessage(new Terminate());
                break;
            case Kill:
                throw new ActorKilledException($"Kill received by {Self.Path}.");
            case TimerMessage timer:
                if (_extras?.Timers is { } timers && timers.Accept(timer))
                {
                    ReceiveMessage(timer.Message);
                }

                break;
            default:
                ReceiveMessage(message);
                break;
        }
    }

    /// <summary>Dispatches one system message; always on the actor's turn.</summary>
    internal void SystemInvoke(SystemMessage message)
    {
        try
        {
            switch (message)
            {
                case Create:
                    HandleCreate();
                    break;
                case Watch watch:
                    AddWatcher(watch.Watchee, watch.Watcher);
                    break;
                case Unwatch unwatch:
                    RemoveWatcher(unwatch.Watchee, unwatch.Watcher);
                    break;
                case DeathWatchNotification notification:
                    HandleDeathWatchNotification(notification.Actor, notification.ExistenceConfirmed);
                    break;
                case Failed failed:
                    HandleFailed(failed);
                    break;
                case Suspend:
                    HandleSuspend();
                    break;
                case Resume resume:
                    HandleResume(resume.CausedByFailure);
                    break;
                case Recreate recreate:
                    HandleRecreate(recreate.Cause);
                    break;
                case Terminate:
                    HandleTerminate();
                    break;
                case RunContinuation continuation:
                    RunAsyncContinuation(continuation);
                    break;
                case AsyncHandlerCompleted completed:
                    HandleAsyncHandlerCompleted(completed.Task);
                    break;
                default:
                    break;
            }
        }
        catch (Exception ex) when (IsNonFatal(ex))
        {
            HandleInvokeFailure(ex);
        }
    }

    /// <summary>System messages that reach a stopped actor: a watch is answered at once so the watcher never waits forever.</summary>
    internal void HandleDeadSystemMessages(SystemMessage? message)
    {
        for (; message is not null; message = message.Next)
        {
            if (message is Watch watch && !ReferenceEquals(watch.Watcher, Self))
            {
                watch.Watcher.SendSystemMessage(new DeathWatchNotification(Self, existenceConfirmed: true));
            }
        }
    }

    /// <summary>Replaces the top behaviour (<see cref="_behavior"/>; null is the actor's own Receive).</summary>
    public void Become(Receive receive)
    {
        ArgumentNullException.ThrowIfNull(receive);
        _behavior = receive;
    }

    /// <summary>Pushes a behaviour; the one it covers (possibly the default, null) waits in the stack below.</summary>
    public void BecomeStacked(Receive receive)
    {
        ArgumentNullException.ThrowIfNull(receive);
        (Extras.BehaviorStack ??= []).Add(_behavior);
        _behavior = receive;
    }

    public void UnbecomeStacked()
    {
        if (_extras?.BehaviorStack is { Count: > 0 } stack)
        {
            _behavior = stack[^1];
            stack.RemoveAt(stack.Count - 1);
        }
        else
        {
            _behavior = null;
        }
    }

    public ILogger GetLogger()
    {
        var category = (_actor?.GetType() ?? Props.ActorType ?? typeof(ActorBase)).FullName ?? "Actor";
        return new ActorLogger(System, Self.Path.ToString(), category, System.LoggerFactory.CreateLogger(category));
    }

    internal static bool IsNonFatal(Exception ex) => ex is not (OutOfMemoryException or InsufficientExecutionStackException or AccessViolationException);

    public override string ToString() => $"ActorCell({Self.Path})";
}
