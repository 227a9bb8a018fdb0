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
        // Warm up the timer -> actor -> probe path first: when this test runs first in the process, JIT alone can take longer
        // than the window below.
        var warmUp = Sys.Scheduler.ScheduleTellRepeatedly(TimeSpan.Zero, TimeSpan.FromMilliseconds(100), TestActor, "warm-up", null);
        await ExpectMsgAsync("warm-up");
        warmUp.Cancel();
        TestActor.Tell("marker", null);
        await FishForMessageAsync<string>(m => m == "marker");

        // Ticks may arrive late on a busy machine, never early: in a 550 ms window at most 6 can arrive (0, 100, ..., 500 ms),
        // however the ones that do arrive bunch up. Counting is robust where measuring single gaps is not.
        var window = TimeSpan.FromMilliseconds(550);
        var started = Stopwatch.GetTimestamp();
        var scheduled = Sys.Scheduler.ScheduleTellRepeatedly(TimeSpan.Zero, TimeSpan.FromMilliseconds(100), TestActor, "tick", null);
        var ticks = 0;
        try
        {
            while (Stopwatch.GetElapsedTime(started) < window)
            {
                var left = window - Stopwatch.GetElapsedTime(started);
                var received = await ReceiveOneAsync(left > TimeSpan.Zero ? left : TimeSpan.Zero);
                if (received is not null && Stopwatch.GetElapsedTime(started) <= window)
                {
                    Assert.Equal("tick", received.Message);
                    ticks++;
                }
            }
        }
        finally
        {
            scheduled.Cancel();
        }

        Assert.InRange(ticks, 2, 6);
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
