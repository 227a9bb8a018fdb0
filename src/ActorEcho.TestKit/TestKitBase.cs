using System.Diagnostics;
using System.Threading.Channels;
using ActorEcho.TestKit.Internal;

namespace ActorEcho.TestKit;

/// <summary>
/// Expectations over the messages that reach one test actor: the base of <see cref="TestKit"/> (whose test actor is the implicit
/// sender of the test) and of <see cref="TestProbe"/>. Every wait is bounded: explicit timeouts, else the remaining time of the
/// enclosing <see cref="WithinAsync(TimeSpan, Func{Task})"/>, else <c>actorecho.test.single-expect-default</c>; all dilated by the time factor.
/// </summary>
/// <remarks>Use one instance from one test at a time; the expectations are not meant to be called concurrently.</remarks>
public abstract partial class TestKitBase
{
    private readonly Channel<ReceivedMessage> _queue = Channel.CreateUnbounded<ReceivedMessage>();
    private readonly long _start = Stopwatch.GetTimestamp();
    private readonly Stack<long> _withinDeadlines = new();
    private Func<object, bool> _ignore = static _ => false;
    private IActorRef? _lastSender;

    private protected TestKitBase(ActorSystem system, string testActorName) => InitializeTest(system, testActorName);

    /// <summary>For kits whose actor system exists only later (a host built in <c>InitializeAsync</c>); they call <see cref="InitializeTest"/>.</summary>
    private protected TestKitBase()
    {
    }

    /// <summary>The actor system under test.</summary>
    public ActorSystem Sys { get; private set; } = null!;

    /// <summary>The TestKit's timeouts.</summary>
    public TestKitSettings TestKitSettings { get; private set; } = null!;

    /// <summary>The actor whose received messages the expectations inspect; pass it as the sender or reply address.</summary>
    public IActorRef TestActor { get; private set; } = null!;

    /// <summary>Binds the kit to <paramref name="system"/>: reads the TestKit settings and creates the test actor.</summary>
    private protected void InitializeTest(ActorSystem system, string testActorName)
    {
        ArgumentNullException.ThrowIfNull(system);
        Sys = system;
        try
        {
            TestKitSettings = TestKitSettings.FromConfiguration(system.Configuration);
        }
        catch
        {
            // Do not leave a running system behind a constructor that failed on bad settings.
            _ = system.Terminate();
            throw;
        }

        TestActor = system.ActorOf(Props.Create(() => new TestActor(_queue.Writer, _start, m => _ignore(m))), testActorName);
    }

    /// <summary>The sender of the last message taken by an expectation.</summary>
    public IActorRef LastSender => _lastSender ?? Sys.DeadLetters;

    /// <summary>Time left in the innermost <see cref="WithinAsync(TimeSpan, Func{Task})"/>, or the dilated single-expect default outside one.</summary>
    public TimeSpan RemainingOrDefault => _withinDeadlines.Count > 0 ? Remaining : Dilated(TestKitSettings.SingleExpectDefault);

    /// <summary>Time left in the innermost <see cref="WithinAsync(TimeSpan, Func{Task})"/>.</summary>
    /// <exception cref="InvalidOperationException">Not inside a Within block.</exception>
    public TimeSpan Remaining
    {
        get
        {
            if (_withinDeadlines.Count == 0)
            {
                throw new InvalidOperationException("Remaining is only defined inside WithinAsync; use RemainingOrDefault.");
            }

            var left = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), _withinDeadlines.Peek());
            return left > TimeSpan.Zero ? left : TimeSpan.Zero;
        }
    }

    /// <summary>Scales <paramref name="duration"/> by the time factor.</summary>
    public TimeSpan Dilated(TimeSpan duration) => TestKitSettings.Dilated(duration);

    /// <summary>Drops messages matching <paramref name="shouldIgnore"/> before they reach the expectations (e.g. periodic ticks).</summary>
    public void IgnoreMessages(Func<object, bool> shouldIgnore)
    {
        ArgumentNullException.ThrowIfNull(shouldIgnore);
        _ignore = shouldIgnore;
    }

    /// <summary>Stops ignoring messages.</summary>
    public void IgnoreNoMessages() => _ignore = static _ => false;

    /// <summary>Makes the test actor answer messages by itself; see <see cref="AutoPilot"/>.</summary>
    public void SetAutoPilot(AutoPilot? pilot) => TestActor.Tell(new TestActor.SetAutoPilotCommand(pilot), null);

    /// <summary>Makes the test actor watch <paramref name="actor"/>, so <see cref="ExpectTerminatedAsync"/> can see it stop.</summary>
    public async Task<IActorRef> WatchAsync(IActorRef actor)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        TestActor.Tell(new TestActor.WatchCommand(actor, true, done), null);
        await done.Task.WaitAsync(Dilated(TestKitSettings.DefaultTimeout)).ConfigureAwait(false);
        return actor;
    }

    /// <summary>Makes the test actor stop watching <paramref name="actor"/>.</summary>
    public async Task<IActorRef> UnwatchAsync(IActorRef actor)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        TestActor.Tell(new TestActor.WatchCommand(actor, false, done), null);
        await done.Task.WaitAsync(Dilated(TestKitSettings.DefaultTimeout)).ConfigureAwait(false);
        return actor;
    }

    /// <summary>
    /// Runs <paramref name="action"/> and checks it finished within <paramref name="max"/> (dilated); expectations inside use the remaining time as their default.
    /// </summary>
    public Task WithinAsync(TimeSpan max, Func<Task> action) => WithinAsync(TimeSpan.Zero, max, action);

    /// <summary>Runs <paramref name="action"/> and checks it took at least <paramref name="min"/> and at most <paramref name="max"/> (dilated).</summary>
    public async Task WithinAsync(TimeSpan min, TimeSpan max, Func<Task> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var dilatedMax = Dilated(max);
        var started = Stopwatch.GetTimestamp();
        var deadline = started + (long)(dilatedMax.TotalSeconds * Stopwatch.Frequency);
        if (_withinDeadlines.Count > 0)
        {
            deadline = Math.Min(deadline, _withinDeadlines.Peek());
        }

        _withinDeadlines.Push(deadline);
        try
        {
            await action().ConfigureAwait(false);
        }
        finally
        {
            _withinDeadlines.Pop();
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        if (elapsed < min)
        {
            throw new TestKitAssertionException($"Within block finished too early: after {Ms(elapsed)}, expected at least {Ms(min)}.");
        }

        if (elapsed > dilatedMax)
        {
            throw new TestKitAssertionException($"Within block took too long: {Ms(elapsed)}, expected at most {Ms(dilatedMax)} (max {Ms(max)} × time factor {TestKitSettings.TimeFactor}).");
        }
    }

    /// <summary>Takes the next message, or null if none arrives in time (dilated <paramref name="max"/>, or the default).</summary>
    public Task<ReceivedMessage?> ReceiveOneAsync(TimeSpan? max = null, CancellationToken cancellationToken = default) =>
        ReceiveCoreAsync(ResolveTimeout(max), cancellationToken);

    /// <summary>Takes the next message within <paramref name="timeout"/>, which is already dilated.</summary>
    private async Task<ReceivedMessage?> ReceiveCoreAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var reader = _queue.Reader;
        if (reader.TryRead(out var ready))
        {
            return Taken(ready);
        }

        if (timeout <= TimeSpan.Zero)
        {
            return null;
        }

        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        try
        {
            return Taken(await reader.ReadAsync(cts.Token).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    /// <summary>True if a message is already waiting; does not take it.</summary>
    public bool HasMessages => _queue.Reader.TryPeek(out _);

    /// <summary>How many messages are waiting (the queue is multi-reader so it can count); lets the TestKit's own tests wait for arrivals before a short expectation.</summary>
    internal int QueuedMessageCount => _queue.Reader.Count;

    internal TimeSpan ResolveTimeout(TimeSpan? max) =>
        max is { } explicitMax ? Dilated(explicitMax) : RemainingOrDefault;

    private ReceivedMessage Taken(ReceivedMessage message)
    {
        _lastSender = message.Sender;
        return message;
    }

    internal static string Ms(TimeSpan t) => $"{t.TotalMilliseconds:0} ms";

    internal static string Describe(object? message) => message switch
    {
        null => "nothing",
        ReceivedMessage r => $"<{r.Message.GetType().Name}: {Truncate(r.Message.ToString())}> from {r.Sender.Path}",
        _ => $"<{message.GetType().Name}: {Truncate(message.ToString())}>",
    };

    private static string Truncate(string? text) => text is null ? "null" : text.Length <= 200 ? text : text[..200] + "…";
}
