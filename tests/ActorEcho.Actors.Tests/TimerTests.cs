using ActorEcho.Actors.Event;
using ActorEcho.Actors.Tests.Infrastructure.Runtime;
using Xunit.Abstractions;

namespace ActorEcho.Actors.Tests;

/// <summary>IWithTimers: single and periodic keyed timers, replacement, cancellation, restart and stop.</summary>
public sealed class TimerTests(ITestOutputHelper output) : ActorEcho.TestKit.TestKit(output: output)
{
    private static readonly TimeSpan s_ask = TimeSpan.FromSeconds(3);

    private IActorRef CreateTimerActor(string name = "timers") => Sys.ActorOf(Props.Create(() => new TimerActor(TestActor)), name);

    /// <summary>Skips ticks until the acknowledgement <paramref name="ack"/>; every tick the actor accepted before it comes first.</summary>
    private Task<string> AckAsync(string ack) => FishForMessageAsync<string>(s => s == ack, TimeSpan.FromSeconds(3));

    [Fact]
    public async Task StartSingleTimer_AfterTimeout_FiresOnceThenIsInactive()
    {
        var actor = CreateTimerActor();

        actor.Tell(new StartSingle("k", new TimerTick("a"), TimeSpan.FromMilliseconds(150)), TestActor);
        await ExpectMsgAsync("started:k");
        Assert.True(await actor.Ask<bool>(new QueryTimer("k"), s_ask));

        await ExpectMsgAsync(new TimerTick("a"));
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(250));
        Assert.False(await actor.Ask<bool>(new QueryTimer("k"), s_ask));
    }

    [Fact]
    public async Task StartPeriodicTimer_FiresRepeatedlyUntilCancelled()
    {
        var actor = CreateTimerActor();

        actor.Tell(new StartPeriodic("p", new TimerTick("p"), TimeSpan.FromMilliseconds(30)), TestActor);
        await ExpectMsgAsync("started:p");
        for (var i = 0; i < 4; i++)
        {
            await ExpectMsgAsync(new TimerTick("p"));
        }

        Assert.True(await actor.Ask<bool>(new QueryTimer("p"), s_ask));
        actor.Tell(new CancelTimer("p"), TestActor);
        await AckAsync("cancelled:p");

        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(200));
        Assert.False(await actor.Ask<bool>(new QueryTimer("p"), s_ask));
    }

    [Fact]
    public async Task StartSingleTimer_SameKey_ReplacesPreviousTimerWhoseMessageIsNeverDelivered()
    {
        var actor = CreateTimerActor();

        actor.Tell(
            new StartThenReplace("k", new StartSingle("k", new TimerTick("old"), TimeSpan.FromMilliseconds(20)), new StartSingle("k", new TimerTick("new"), TimeSpan.FromMilliseconds(250))),
            TestActor);

        await ExpectMsgAsync("replaced:k");
        await ExpectMsgAsync(new TimerTick("new"));
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(150));
    }

    [Fact]
    public async Task StartSingleTimer_ReplacingFastPeriodicTimer_QueuedTicksOfOldTimerAreDropped()
    {
        var actor = CreateTimerActor();
        actor.Tell(new StartPeriodic("k", new TimerTick("old"), TimeSpan.FromMilliseconds(5)), TestActor);
        await ExpectMsgAsync("started:k");
        await ExpectMsgAsync(new TimerTick("old"));

        actor.Tell(new StartSingle("k", new TimerTick("new"), TimeSpan.FromMilliseconds(100)), TestActor);
        await AckAsync("started:k");

        await ExpectMsgAsync(new TimerTick("new"));
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(150));
    }

    [Fact]
    public async Task Cancel_BeforeTimerFires_PreventsDelivery()
    {
        var actor = CreateTimerActor();

        actor.Tell(new StartSingle("k", new TimerTick("x"), TimeSpan.FromMilliseconds(100)), TestActor);
        actor.Tell(new CancelTimer("k"), TestActor);

        await ExpectMsgAsync("started:k");
        await ExpectMsgAsync("cancelled:k");
        Assert.False(await actor.Ask<bool>(new QueryTimer("k"), s_ask));
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(250));
    }

    [Fact]
    public async Task CancelAll_CancelsEveryTimer()
    {
        var actor = CreateTimerActor();
        actor.Tell(new StartPeriodic("a", new TimerTick("a"), TimeSpan.FromMilliseconds(20)), TestActor);
        actor.Tell(new StartPeriodic("b", new TimerTick("b"), TimeSpan.FromMilliseconds(20)), TestActor);
        await ExpectMsgAsync("started:a");
        await ExpectMsgAsync("started:b");

        actor.Tell(new CancelTimer(null), TestActor);
        await AckAsync("cancelled:all");

        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(150));
        Assert.False(await actor.Ask<bool>(new QueryTimer("a"), s_ask));
        Assert.False(await actor.Ask<bool>(new QueryTimer("b"), s_ask));
    }

    [Fact]
    public async Task Restart_WithActiveTimers_CancelsThem()
    {
        var actor = CreateTimerActor();
        actor.Tell(new StartPeriodic("p", new TimerTick("p"), TimeSpan.FromMilliseconds(10)), TestActor);
        actor.Tell(new StartSingle("s", new TimerTick("s"), TimeSpan.FromMilliseconds(150)), TestActor);
        await ExpectMsgAsync("started:p");
        await ExpectMsgAsync("started:s");
        await ExpectMsgAsync(new TimerTick("p"));

        actor.Tell("crash", TestActor);
        await AckAsync("restarted");

        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(250));
        Assert.False(await actor.Ask<bool>(new QueryTimer("p"), s_ask));
        Assert.False(await actor.Ask<bool>(new QueryTimer("s"), s_ask));
    }

    [Fact]
    public async Task Stop_WithActiveTimers_CancelsThem()
    {
        var actor = CreateTimerActor();
        await WatchAsync(actor);
        actor.Tell(new StartPeriodic("p", new TimerTick("p"), TimeSpan.FromMilliseconds(20)), TestActor);
        await ExpectMsgAsync("started:p");
        await ExpectMsgAsync(new TimerTick("p"));

        Sys.Stop(actor);
        await FishForMessageAsync<Terminated>(t => t.ActorRef.Equals(actor));

        // A timer that kept running would now send its messages to dead letters every 20 ms.
        var deadLetters = CreateTestProbe();
        Sys.EventStream.Subscribe(deadLetters.Ref, typeof(DeadLetter));
        await deadLetters.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public async Task IsTimerActive_UnknownKey_IsFalse()
    {
        var actor = CreateTimerActor();

        Assert.False(await actor.Ask<bool>(new QueryTimer("nothing"), s_ask));
    }
}
