using ActorEcho.Actors.Supervision;
using ActorEcho.Actors.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ActorEcho.Actors.Tests;

/// <summary>Death watch: exactly one Terminated per watch, Unwatch, WatchWith, watching the dead, and death pacts.</summary>
public sealed class DeathWatchTests(ITestOutputHelper output) : ActorEcho.TestKit.TestKit(output: output)
{
    [Fact]
    public async Task Watch_ActorStops_TerminatedDeliveredExactlyOnce()
    {
        var x = await StartAsync("x");
        await WatchAsync(x);

        Sys.Stop(x);

        await ExpectMsgAsync(new LifecycleEvent("x", "PostStop", 1));
        var terminated = await ExpectTerminatedAsync(x);
        Assert.True(terminated.ExistenceConfirmed);
        Assert.Equal(x, LastSender);
        await ExpectNoMsgAsync();
    }

    [Fact]
    public async Task Watch_Twice_SingleTerminated()
    {
        var x = await StartAsync("x");
        await WatchAsync(x);
        await WatchAsync(x);

        Sys.Stop(x);

        await ExpectMsgAsync(new LifecycleEvent("x", "PostStop", 1));
        await ExpectTerminatedAsync(x);
        await ExpectNoMsgAsync();
    }

    [Fact]
    public async Task Watch_SeveralWatchers_EachGetsExactlyOneTerminated()
    {
        var x = await StartAsync("x");
        var probe = CreateTestProbe();
        await probe.WatchAsync(x);
        await WatchAsync(x);

        Sys.Stop(x);

        await ExpectMsgAsync(new LifecycleEvent("x", "PostStop", 1));
        await ExpectTerminatedAsync(x);
        await probe.ExpectTerminatedAsync(x);
        await ExpectNoMsgAsync();
        await probe.ExpectNoMsgAsync();
    }

    [Fact]
    public async Task Watch_AlreadyDeadActor_TerminatedDeliveredAtOnce()
    {
        var x = await StartAsync("x");
        var probe = CreateTestProbe();
        await probe.WatchAsync(x);
        Sys.Stop(x);
        await probe.ExpectTerminatedAsync(x);
        await ExpectMsgAsync(new LifecycleEvent("x", "PostStop", 1));

        await WatchAsync(x);

        var terminated = await ExpectTerminatedAsync(x);
        Assert.Equal(x, terminated.ActorRef);
        await ExpectNoMsgAsync();
    }

    [Fact]
    public async Task Unwatch_BeforeDeath_NoTerminated()
    {
        var x = await StartAsync("x");
        var probe = CreateTestProbe();
        await probe.WatchAsync(x);
        await WatchAsync(x);
        await UnwatchAsync(x);

        Sys.Stop(x);

        await probe.ExpectTerminatedAsync(x);
        await ExpectMsgAsync(new LifecycleEvent("x", "PostStop", 1));
        await ExpectNoMsgAsync();
    }

    /// <summary>
    /// The watcher is blocked while the watchee dies, so the death notification is already in its system queue when it
    /// resumes: Terminated is then queued behind the Unwatch, which must cancel it. That the notification has arrived is
    /// known from the user guardian: a dying actor notifies its watchers before its parent, and the guardian forgets the
    /// child only when it processes its notification.
    /// </summary>
    [Fact]
    public async Task Unwatch_AfterDeathBeforeTerminatedIsProcessed_NoTerminated()
    {
        var x = await StartAsync("x");
        var watcher = Sys.ActorOf(LifecycleWatcher.CreateProps(TestActor), "watcher");
        watcher.Tell(new LifecycleWatch(x), TestActor);
        await ExpectMsgAsync(new LifecycleAck("watch"));
        using var gate = new ManualResetEventSlim();
        watcher.Tell(new LifecycleBlock(gate), TestActor);
        await ExpectMsgAsync(new LifecycleEvent("watcher", "blocked", 1));
        watcher.Tell(new LifecycleUnwatch(x), TestActor);
        watcher.Tell("after-unwatch", TestActor);

        Sys.Stop(x);
        await ExpectMsgAsync(new LifecycleEvent("x", "PostStop", 1));
        await AwaitConditionAsync(() => Sys.UserGuardian.Child("x").IsNobody(), TimeSpan.FromSeconds(3), message: "the guardian forgot x");
        gate.Set();

        await ExpectMsgAsync(new LifecycleAck("unwatch"));
        await ExpectMsgAsync("after-unwatch");
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public async Task WatchWith_ActorStops_DeliversCustomMessageInsteadOfTerminated()
    {
        var x = await StartAsync("x");
        var watcher = Sys.ActorOf(LifecycleWatcher.CreateProps(TestActor), "watcher");
        watcher.Tell(new LifecycleWatch(x, "x is gone"), TestActor);
        await ExpectMsgAsync(new LifecycleAck("watch"));

        Sys.Stop(x);

        await ExpectMsgAsync(new LifecycleEvent("x", "PostStop", 1));
        await ExpectMsgAsync("x is gone");
        Assert.Equal(watcher, LastSender);
        await ExpectNoMsgAsync();
    }

    [Fact]
    public async Task WatchWith_AlreadyDeadActor_DeliversCustomMessageOnce()
    {
        var x = await StartAsync("x");
        await WatchAsync(x);
        Sys.Stop(x);
        await ExpectMsgAsync(new LifecycleEvent("x", "PostStop", 1));
        await ExpectTerminatedAsync(x);
        var watcher = Sys.ActorOf(LifecycleWatcher.CreateProps(TestActor), "watcher");

        watcher.Tell(new LifecycleWatch(x, "x was gone"), TestActor);

        await ExpectMsgAsync(new LifecycleAck("watch"));
        await ExpectMsgAsync("x was gone");
        await ExpectNoMsgAsync();
    }

    [Fact]
    public async Task Stop_DuringRestartWaitingForSlowChild_WatchersGetOneTerminatedAndNoNewInstance()
    {
        var p = Sys.ActorOf(LifecycleActor.CreateProps("p", TestActor, new LifecycleChildSpec("c", LifecycleActor.CreateProps("c", TestActor))), "p");
        var started = await this.ReceiveLifecycleMessagesAsync(4);
        var c = started.Single(m => m.Message.Equals(new LifecycleEvent("c", "ctor", 1))).Sender;
        await WatchAsync(p);
        using var gate = new ManualResetEventSlim();
        c.Tell(new LifecycleBlock(gate), TestActor);
        await ExpectMsgAsync(new LifecycleEvent("c", "blocked", 1));

        p.Tell(new LifecycleFail("boom"), TestActor);
        await ExpectMsgAsync<LifecyclePreRestart>(r => r.Actor == "p" && r.Instance == 1);
        await ExpectMsgAsync(new LifecycleEvent("p", "PostStop", 1));
        Sys.Stop(p);
        gate.Set();

        var events = await this.ReceiveLifecycleUntilAsync(m => m is Terminated);
        Assert.Contains(new LifecycleEvent("c", "PostStop", 1), events);
        Assert.DoesNotContain(new LifecycleEvent("p", "ctor", 2), events);
        Assert.Equal(p, ((Terminated)events[^1]).ActorRef);
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public async Task DeathPact_WatcherDoesNotHandleTerminated_WatcherFailsWithDeathPactExceptionAndStops()
    {
        var x = await StartAsync("x");
        var supervisor = Sys.ActorOf(SupervisionParent.CreateProps("sup", TestActor, SupervisionStrategies.ReportingDefault(TestActor)), "sup");
        await ExpectMsgAsync(new SupervisionEvent("sup", "ctor"));
        supervisor.Tell(new SupervisionCreateChild(LifecycleDeathPactWatcher.CreateProps(x), "pact"), TestActor);
        var pact = await ExpectMsgAsync<IActorRef>();
        await WatchAsync(pact);

        Sys.Stop(x);

        await ExpectMsgAsync(new LifecycleEvent("x", "PostStop", 1));
        var decision = await ExpectMsgAsync<SupervisionDecision>();
        Assert.Equal(nameof(DeathPactException), decision.ExceptionType);
        Assert.Equal(Directive.Stop, decision.Directive);
        await ExpectTerminatedAsync(pact);
        await ExpectNoMsgAsync();
    }

    [Fact]
    public async Task DeathPact_DefaultStrategy_UnhandledTerminatedStopsTheWatcher()
    {
        var x = await StartAsync("x");
        var pact = Sys.ActorOf(LifecycleDeathPactWatcher.CreateProps(x), "pact");
        await WatchAsync(pact);

        Sys.Stop(x);

        await ExpectMsgAsync(new LifecycleEvent("x", "PostStop", 1));
        await ExpectTerminatedAsync(pact);
        await ExpectNoMsgAsync();
    }

    private async Task<IActorRef> StartAsync(string name)
    {
        var actor = Sys.ActorOf(LifecycleActor.CreateProps(name, TestActor), name);
        await ExpectMsgAsync(new LifecycleEvent(name, "ctor", 1));
        await ExpectMsgAsync(new LifecycleEvent(name, "PreStart", 1));
        return actor;
    }
}
