using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using ActorEcho.Actors.Event;
using ActorEcho.Actors.Internal;

namespace ActorEcho.Actors.Dispatch;

/// <summary>
/// An actor's two queues and its scheduling state. The mailbox is itself the thread-pool work item: it is queued once while it
/// has work (an Interlocked idle/scheduled flag), runs system messages first, then at most <see cref="MailboxSettings.Throughput"/>
/// user messages, and requeues itself if more work arrived meanwhile. No lock is taken on the <see cref="Post"/> path.
/// </summary>
/// <remarks>
/// Scheduling race, in short: a producer enqueues and then reads the status; the consumer writes Idle (a full fence through
/// Interlocked.Exchange) and then re-checks the queues. Whichever runs second sees the other's write, so work is never stranded.
/// The same Dekker-style pairing protects <see cref="Close"/>: producers re-check the closed flag after enqueueing and drain
/// to dead letters themselves when they lost the race.
/// </remarks>
internal sealed class Mailbox : IThreadPoolWorkItem
{
    private const int StatusIdle = 0;
    private const int StatusScheduled = 1;

    private readonly ActorCell _cell;
    private readonly MailboxSettings _settings;

    /// <summary>User messages; created on first use so that an actor that never receives one stays small.</summary>
    private ConcurrentQueue<Envelope>? _queue;

    /// <summary>Top of the lock-free LIFO stack of system messages; reversed into FIFO order when taken.</summary>
    private SystemMessage? _systemHead;

    /// <summary>Number of queued user messages; maintained only for bounded mailboxes.</summary>
    private int _count;

    private int _status;

    /// <summary>Mailbox runs on this thread's stack: 1 inside a thread-pool run, more when runs nest inline.</summary>
    [ThreadStatic]
    private static int t_depth;

    /// <summary>True while an inline delivery source (an I/O loop that holds no lock) posts on this thread.</summary>
    [ThreadStatic]
    private static bool t_inlineSource;

    private int _closed;

    public Mailbox(ActorCell cell, MailboxSettings settings)
    {
        _cell = cell;
        _settings = settings;
    }

    /// <summary>Nesting count of suspensions (failure, async handler in flight, parent failure). Touched only on the actor's turn.</summary>
    internal int SuspendCount;

    public bool IsClosed => Volatile.Read(ref _closed) != 0;

    /// <summary>Neither running nor queued to run (a snapshot, for tests and diagnostics).</summary>
    internal bool IsIdle => Volatile.Read(ref _status) == StatusIdle;

    /// <summary>Mailbox runs on the calling thread's stack (a snapshot, for tests and diagnostics).</summary>
    internal static int CurrentDepth => t_depth;

    /// <summary>Number of user messages waiting (approximate under concurrency).</summary>
    public int Count => _queue?.Count ?? 0;

    public void Post(object message, IActorRef? sender)
    {
        if (CanRunInlineHere() && TryPostInline(message, sender))
        {
            return;
        }

        var queue = _queue ?? CreateQueue();
        if (_settings.Capacity > 0 && Interlocked.Increment(ref _count) > _settings.Capacity)
        {
            Interlocked.Decrement(ref _count);
            _cell.System.DeadLetters.Tell(new DeadLetter(message, sender, _cell.Self, DeadLetterReason.MailboxFull), sender);
            return;
        }

        queue.Enqueue(new Envelope(message, sender));
        if (Volatile.Read(ref _closed) != 0)
        {
            DrainToDeadLetters();
            return;
        }

        TrySchedule();
    }

    /// <summary>
    /// The inline path: claims the idle mailbox and runs it on this thread. When nothing else waits (no system message, no queued
    /// or unstashed message) the message is handed to the actor directly, without touching the queue, so an actor that only ever
    /// receives inline never allocates one. False when the mailbox is not idle (or is closed): post normally.
    /// </summary>
    private bool TryPostInline(object message, IActorRef? sender)
    {
        if (_settings.Capacity > 0 || !TryClaim())
        {
            return false;
        }

        if (Volatile.Read(ref _closed) != 0)
        {
            Volatile.Write(ref _status, StatusIdle); // let the normal path dead-letter it
            return false;
        }

        if (Volatile.Read(ref _systemHead) is null && _queue is null or { IsEmpty: true } && !_cell.HasUnstashed)
        {
            // Nothing waits, and the actor may be suspended (Run queues the message then). A new child's Create is no longer pending
            // here: PostSystem ran it inline, or left the mailbox scheduled, in which case this thread could not claim it.
            Run(new Envelope(message, sender));
        }
        else
        {
            // Something waits: queue behind it to keep the order, then run what is due (this thread holds the claim).
            Requeue(new Envelope(message, sender));
            Run(null);
        }

        return true;
    }

    private void Requeue(in Envelope envelope)
    {
        (_queue ?? CreateQueue()).Enqueue(envelope);
        if (Volatile.Read(ref _closed) != 0)
        {
            DrainToDeadLetters();
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool CanRunInlineHere()
    {
        var depth = t_depth;
        return depth < _settings.InlineDepth && (depth > 0 || t_inlineSource);
    }

    /// <summary>
    /// Marks this thread as an inline delivery source until <see cref="ExitInlineSource"/>: posts from it may run idle inline-capable
    /// mailboxes at once. Only for code that holds no lock and tolerates the receiver running on its stack.
    /// </summary>
    /// <returns>The previous state, for <see cref="ExitInlineSource"/>.</returns>
    internal static bool EnterInlineSource()
    {
        var previous = t_inlineSource;
        t_inlineSource = true;
        return previous;
    }

    internal static void ExitInlineSource(bool previous) => t_inlineSource = previous;

    public void PostSystem(SystemMessage message)
    {
        PushSystem(message);
        if (Volatile.Read(ref _closed) != 0)
        {
            _cell.HandleDeadSystemMessages(TakeSystemMessages());
            return;
        }

        if (message is Create or Watch or Unwatch && CanRunInlineHere() && TryClaim())
        {
            // From an actor's turn on an inline dispatcher, a new child is created (constructor and PreStart) and a watch is applied
            // right here: the actor stays idle, so the message that follows (a parent's first message to its new child, a connection's
            // Register after its handler's Watch) is handed over inline instead of creating a queue, which an idle connection would
            // keep (about 800 bytes).
            Run(null);
            return;
        }

        TrySchedule();
    }

    private void PushSystem(SystemMessage message)
    {
        SystemMessage? head;
        do
        {
            head = Volatile.Read(ref _systemHead);
            message.Next = head;
        }
        while (Interlocked.CompareExchange(ref _systemHead, message, head) != head);
    }

    /// <summary>Closes the mailbox for good: queued and later user messages go to dead letters, system messages get dead-letter handling.</summary>
    public void Close()
    {
        Interlocked.Exchange(ref _closed, 1);
        DrainToDeadLetters();
        _cell.HandleDeadSystemMessages(TakeSystemMessages());
    }

    public void Execute() => Run(null);

    /// <summary>One turn of the claimed mailbox: system messages, then <paramref name="first"/> (if any), then queued user messages.</summary>
    private void Run(Envelope? first)
    {
        var previous = ActorCell.Current;
        ActorCell.Current = _cell;
        t_depth++;

        // Nested in a sender's turn, this thread may carry the sender's synchronization context (an async handler's): an await in
        // this actor must not resume on the sender's turn.
        var context = SynchronizationContext.Current;
        if (context is not null)
        {
            SynchronizationContext.SetSynchronizationContext(null);
        }

        try
        {
            ProcessSystemMessages();
            if (first is { } envelope)
            {
                if (_cell.CanProcessUserMessages)
                {
                    _cell.Invoke(envelope);
                    ProcessSystemMessages();
                }
                else
                {
                    Requeue(envelope); // a system message that arrived meanwhile stopped or suspended the actor
                }
            }

            ProcessUserMessages();
        }
        finally
        {
            t_depth--;
            ActorCell.Current = previous;
            if (context is not null)
            {
                SynchronizationContext.SetSynchronizationContext(context);
            }
        }

        Interlocked.Exchange(ref _status, StatusIdle);
        if (HasWork())
        {
            TrySchedule();
        }
    }

    /// <summary>Runs the system messages queued so far; called between user messages too, so stop and failure handling is prompt.</summary>
    internal void ProcessSystemMessages()
    {
        // Nearly every run finds no system message: a plain read skips the interlocked exchange below.
        if (Volatile.Read(ref _systemHead) is null)
        {
            return;
        }

        for (var message = TakeSystemMessages(); message is not null; message = TakeSystemMessages())
        {
            while (message is not null)
            {
                var next = message.Next;
                message.Next = null;
                if (IsClosed)
                {
                    message.Next = next;
                    _cell.HandleDeadSystemMessages(message);
                    break;
                }

                _cell.SystemInvoke(message);
                message = next;
            }
        }
    }

    private void ProcessUserMessages()
    {
        for (var left = _settings.Throughput; left > 0 && _cell.CanProcessUserMessages; left--)
        {
            if (!_cell.TryTakeUnstashed(out var envelope) && !TryDequeue(out envelope))
            {
                return;
            }

            _cell.Invoke(envelope);
            if (Volatile.Read(ref _systemHead) is not null)
            {
                ProcessSystemMessages();
            }
        }
    }

    private bool TryDequeue(out Envelope envelope)
    {
        var queue = _queue;
        if (queue is not null && queue.TryDequeue(out envelope))
        {
            if (_settings.Capacity > 0)
            {
                Interlocked.Decrement(ref _count);
            }

            return true;
        }

        envelope = default;
        return false;
    }

    private bool HasWork() =>
        Volatile.Read(ref _systemHead) is not null
        || (_cell.CanProcessUserMessages && (_cell.HasUnstashed || (_queue is { IsEmpty: false })));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void TrySchedule()
    {
        if (TryClaim())
        {
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: _settings.PreferLocal);
        }
    }

    /// <summary>Moves the mailbox from idle to scheduled; true for the one caller that did, which must then run or queue it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool TryClaim() =>
        Volatile.Read(ref _status) == StatusIdle && Interlocked.CompareExchange(ref _status, StatusScheduled, StatusIdle) == StatusIdle;

    /// <summary>Re-evaluates scheduling after the actor's own state changed (resumed, unstashed) outside a mailbox run.</summary>
    internal void ScheduleIfHasWork()
    {
        if (HasWork())
        {
            TrySchedule();
        }
    }

    private SystemMessage? TakeSystemMessages()
    {
        var head = Interlocked.Exchange(ref _systemHead, null);
        SystemMessage? reversed = null;
        while (head is not null)
        {
            var next = head.Next;
            head.Next = reversed;
            reversed = head;
            head = next;
        }

        return reversed;
    }

    private void DrainToDeadLetters()
    {
        var deadLetters = _cell.System.DeadLetters;
        while (TryDequeue(out var envelope))
        {
            deadLetters.Tell(new DeadLetter(envelope.Message, envelope.Sender, _cell.Self, DeadLetterReason.RecipientStopped), envelope.Sender);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private ConcurrentQueue<Envelope> CreateQueue()
    {
        Interlocked.CompareExchange(ref _queue, new ConcurrentQueue<Envelope>(), null);
        return _queue!;
    }
}
