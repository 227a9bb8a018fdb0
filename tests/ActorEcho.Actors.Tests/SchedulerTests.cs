using System.Diagnostics;
using Xunit.Abstractions;

namespace ActorEcho.Actors.Tests;

/// <summary>The system scheduler: one-shot and repeated tells, actions, cancellation.</summary>
public sealed class SchedulerTests(ITestOutputHelper output) : ActorEcho.TestKit.TestKit(output: output)
{
    [Fact]
    public async Task ScheduleTellOnce_AfterDelay_DeliversExactlyOnceWithGivenSender()
    {
        var probe = CreateTestProbe();
        var started = Stopwatch.GetTimestamp();

        Sys.Scheduler.ScheduleTellOnce(TimeSpan.FromMilliseconds(80), TestActor, "once", probe.Ref);

        await ExpectMsgAsync("once");
        Assert.True(Stopwatch.GetElapsedTime(started) >= TimeSpan.FromMilliseconds(70), "delivered before its delay");
        Assert.Equal(probe.Ref, LastSender);
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(250));
    }

    [Fact]
    public async Task ScheduleTellOnce_CancelledBeforeDue_NeverDelivers()
    {
        var scheduled = Sys.Scheduler.ScheduleTellOnce(TimeSpan.FromMilliseconds(150), TestActor, "never", null);

        scheduled.Cancel();

        Assert.True(scheduled.IsCancellationRequested);
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(300));
    }

    [Fact]
    public async Task ScheduleTellRepeatedly_UntilCancelled_DeliversRepeatedlyThenStops()
    {
        var scheduled = Sys.Scheduler.ScheduleTellRepeatedly(TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(100), TestActor, "tick", null);

        await ExpectMsgAsync("tick");
        await ExpectMsgAsync("tick");
        await ExpectMsgAsync("tick");
        scheduled.Cancel();

        // A tick sent just before Cancel returned may still be queued: everything sent before the marker is allowed, nothing after.
        Assert.True(scheduled.IsCancellationRequested);
        TestActor.Tell("marker", null);
        await FishForMessageAsync<string>(m => m == "marker");
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(300));
    }

    [Fact]
    public async Task ScheduleTellRepeatedly_Interval_SpacesDeliveries()
    {
        var scheduled = Sys.Scheduler.ScheduleTellRepeatedly(TimeSpan.Zero, TimeSpan.FromMilliseconds(100), TestActor, "tick", null);
        try
        {
            await ExpectMsgAsync("tick");
            var first = Stopwatch.GetTimestamp();
            await ExpectMsgAsync("tick");
            await ExpectMsgAsync("tick");

            // Two intervals of 100 ms; timer resolution on Linux is ~1 ms, leave 20 ms for jitter.
            Assert.True(Stopwatch.GetElapsedTime(first) >= TimeSpan.FromMilliseconds(180), "ticks came faster than the interval");
        }
        finally
        {
            scheduled.Cancel();
        }
    }

    [Fact]
    public async Task ScheduleOnce_Action_RunsOnceAfterDelay()
    {
        var runs = 0;
        Sys.Scheduler.ScheduleOnce(TimeSpan.FromMilliseconds(30), () =>
        {
            Interlocked.Increment(ref runs);
            TestActor.Tell("ran", null);
        });

        await ExpectMsgAsync("ran");
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(200));
        Assert.Equal(1, Volatile.Read(ref runs));
    }

    [Fact]
    public async Task ScheduleOnce_CancelledBeforeDue_DoesNotRun()
    {
        var scheduled = Sys.Scheduler.ScheduleOnce(TimeSpan.FromMilliseconds(150), () => TestActor.Tell("ran", null));

        scheduled.Cancel();
        scheduled.Cancel(); // harmless twice

        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(300));
    }

    [Fact]
    public void Schedule_BadArguments_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Sys.Scheduler.ScheduleTellRepeatedly(TimeSpan.Zero, TimeSpan.Zero, TestActor, "x", null));
        Assert.Throws<ArgumentOutOfRangeException>(() => Sys.Scheduler.ScheduleTellOnce(TimeSpan.FromMilliseconds(-5), TestActor, "x", null));
        Assert.Throws<ArgumentNullException>(() => Sys.Scheduler.ScheduleTellOnce(TimeSpan.Zero, null!, "x", null));
        Assert.Throws<ArgumentNullException>(() => Sys.Scheduler.ScheduleTellOnce(TimeSpan.Zero, TestActor, null!, null));
        Assert.Throws<ArgumentNullException>(() => Sys.Scheduler.ScheduleOnce(TimeSpan.Zero, null!));
    }
}
