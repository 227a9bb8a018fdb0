using System.Collections.Concurrent;
using System.Diagnostics;
using ActorEcho.Actors.Event;
using ActorEcho.Actors.Shutdown;
using ActorEcho.Actors.Tests.Infrastructure.Runtime;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace ActorEcho.Actors.Tests;

/// <summary>CoordinatedShutdown: phase order, timeouts, run-once, Terminate integration, stop order.</summary>
public sealed class CoordinatedShutdownTests(ITestOutputHelper output) : ActorEcho.TestKit.TestKit(
    "actorecho.coordinated-shutdown.phases.service-unbind.timeout = 200ms",
    output)
{
    private static readonly TimeSpan s_run = TimeSpan.FromSeconds(5);

    private CoordinatedShutdown Shutdown => CoordinatedShutdown.Get(Sys);

    private static Func<CancellationToken, Task> Record(ConcurrentQueue<string> record, string entry) => _ =>
    {
        record.Enqueue(entry);
        return Task.CompletedTask;
    };

    /// <summary>
    /// Captures the first log entry matching <paramref name="match"/>. The capture itself is a task of the phase before the
    /// system terminates, so the run cannot stop the probe before it saw the entry (an EventFilter's collector would race
    /// with the termination that the run performs: Terminate preempts its queued events).
    /// </summary>
    private Task<LogEvent> CaptureLogDuringRun(Func<LogEvent, bool> match)
    {
        var probe = CreateTestProbe();
        Sys.EventStream.Subscribe(probe.Ref, typeof(LogEvent));
        var seen = new TaskCompletionSource<LogEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        Shutdown.AddTask(CoordinatedShutdown.PhaseBeforeActorSystemTerminate, "capture-log", async token =>
            seen.TrySetResult(await probe.FishForMessageAsync<LogEvent>(l => match(l), TimeSpan.FromSeconds(2), cancellationToken: token)));
        return seen.Task;
    }

    [Fact]
    public async Task Run_TasksInEveryPhase_RunInPhaseOrder()
    {
        var record = new ConcurrentQueue<string>();

        // Added in reverse order, so only the phase order can explain the recorded order.
        foreach (var phase in CoordinatedShutdown.Phases.Reverse())
        {
            Shutdown.AddTask(phase, "record-" + phase, Record(record, phase));
        }

        await Shutdown.Run(ShutdownReason.Unknown).WaitAsync(s_run);

        Assert.Equal(CoordinatedShutdown.Phases, record.ToArray());
        Assert.True(Sys.WhenTerminated.IsCompleted, "the last phase terminates the actor system");
    }

    [Fact]
    public async Task Run_TasksOfOnePhase_RunConcurrently()
    {
        var aStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var bStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var record = new ConcurrentQueue<string>();
        Shutdown.AddTask(CoordinatedShutdown.PhaseServiceRequestsDone, "a", async token =>
        {
            aStarted.SetResult();
            await bStarted.Task.WaitAsync(TimeSpan.FromSeconds(2), token);
            record.Enqueue("a");
        });
        Shutdown.AddTask(CoordinatedShutdown.PhaseServiceRequestsDone, "b", async token =>
        {
            bStarted.SetResult();
            await aStarted.Task.WaitAsync(TimeSpan.FromSeconds(2), token);
            record.Enqueue("b");
        });

        await Shutdown.Run(ShutdownReason.Unknown).WaitAsync(s_run);

        Assert.Equal(new[] { "a", "b" }, record.Order());
    }

    [Fact]
    public async Task Run_PhaseExceedsItsTimeout_CancelsItsTokenAndRunsLaterPhases()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(200), Shutdown.Timeout(CoordinatedShutdown.PhaseServiceUnbind));
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var record = new ConcurrentQueue<string>();
        Shutdown.AddTask(CoordinatedShutdown.PhaseServiceUnbind, "hang", async token =>
        {
            using var registration = token.Register(() => cancelled.TrySetResult());
            await Task.Delay(Timeout.Infinite, token);
        });
        Shutdown.AddTask(CoordinatedShutdown.PhaseServiceStop, "later", Record(record, "later"));
        var started = Stopwatch.GetTimestamp();

        var warning = CaptureLogDuringRun(l => l.Level == LogLevel.Warning && l.Message.Contains("[hang] in phase [service-unbind] was cancelled", StringComparison.Ordinal));

        await Shutdown.Run(ShutdownReason.Unknown).WaitAsync(s_run);

        var elapsed = Stopwatch.GetElapsedTime(started);
        Assert.True(cancelled.Task.IsCompleted, "the phase's token was not cancelled");
        Assert.Equal(new[] { "later" }, record.ToArray());
        Assert.True(elapsed >= TimeSpan.FromMilliseconds(190) && elapsed < TimeSpan.FromSeconds(2), "took " + elapsed);
        Assert.True(warning.IsCompletedSuccessfully, "no warning about the cancelled task was logged");
    }

    [Fact]
    public async Task Run_TaskThrows_LaterPhasesStillRun()
    {
        var record = new ConcurrentQueue<string>();
        Shutdown.AddTask(CoordinatedShutdown.PhaseServiceRequestsDone, "boom", _ => throw new InvalidOperationException("boom"));
        Shutdown.AddTask(CoordinatedShutdown.PhaseServiceStop, "later", Record(record, "later"));

        var error = CaptureLogDuringRun(l => l.Level == LogLevel.Error && l.Message.Contains("Shutdown task [boom]", StringComparison.Ordinal));

        await Shutdown.Run(ShutdownReason.Unknown).WaitAsync(s_run);

        Assert.Equal(new[] { "later" }, record.ToArray());
        Assert.True(error.IsCompletedSuccessfully, "the failing task was not logged as an error");
        Assert.IsType<InvalidOperationException>((await error).Exception);
    }

    [Fact]
    public async Task Run_CalledTwice_ReturnsSameTaskAndKeepsFirstReason()
    {
        var first = Shutdown.Run(ShutdownReason.Unknown);
        var second = Shutdown.Run(ShutdownReason.ClrExit);

        Assert.Same(first, second);
        Assert.Same(ShutdownReason.Unknown, Shutdown.Reason);
        await first.WaitAsync(s_run);
    }

    [Fact]
    public async Task Terminate_RunsShutdownPhasesWhileActorsAliveThenCompletesWhenTerminated()
    {
        var echo = Sys.ActorOf(Props.Create<EchoActor>(), "echo");
        var record = new ConcurrentQueue<string>();
        Shutdown.AddTask(CoordinatedShutdown.PhaseServiceStop, "talk-to-actor", async token =>
        {
            record.Enqueue("terminated-yet:" + Sys.IsTerminated);
            record.Enqueue(await echo.Ask<string>("still alive", TimeSpan.FromSeconds(2), token));
        });

        await Sys.Terminate().WaitAsync(s_run);

        Assert.True(Sys.WhenTerminated.IsCompletedSuccessfully);
        Assert.Equal(new[] { "terminated-yet:False", "still alive" }, record.ToArray());
        Assert.Same(ShutdownReason.ActorSystemTerminate, Shutdown.Reason);
    }

    [Fact]
    public async Task Terminate_UserActorsStopBeforeSystemActorsAndBeforeWhenTerminated()
    {
        var record = new ConcurrentQueue<string>();
        Sys.SystemActorOf(Props.Create(() => new PostStopRecorderActor("system", record, false)), "recorder");
        var user = Sys.ActorOf(Props.Create(() => new PostStopRecorderActor("user", record, true)), "recorder");
        Assert.Equal("ready", await user.Ask<string>("ready", TimeSpan.FromSeconds(3)));

        await Sys.Terminate().WaitAsync(s_run);

        // Children stop before their parent; every /user actor before any /system actor; all before WhenTerminated.
        Assert.Equal(new[] { "user/child:PostStop", "user:PostStop", "system:PostStop" }, record.ToArray());
    }

    [Fact]
    public void AddTask_UnknownPhase_ThrowsArgumentException()
    {
        var ex = Assert.Throws<ArgumentException>(() => Shutdown.AddTask("no-such-phase", "t", _ => Task.CompletedTask));

        Assert.Contains("no-such-phase", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Timeout_UnknownPhase_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => Shutdown.Timeout("no-such-phase"));
    }

    [Fact]
    public void Timeout_PhasesWithoutOverride_UseDefaultAndTotalIsTheirSum()
    {
        Assert.Equal(TimeSpan.FromSeconds(5), Shutdown.Timeout(CoordinatedShutdown.PhaseServiceStop));
        var sum = CoordinatedShutdown.Phases.Aggregate(TimeSpan.Zero, (total, phase) => total + Shutdown.Timeout(phase));
        Assert.Equal(sum, Shutdown.TotalTimeout);
    }
}
