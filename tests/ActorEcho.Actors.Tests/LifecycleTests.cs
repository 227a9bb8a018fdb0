using ActorEcho.Actors.Event;
using ActorEcho.Actors.Tests.Infrastructure;
using Xunit.Abstractions;
using static ActorEcho.Actors.Tests.Infrastructure.LifecycleExpectations;

namespace ActorEcho.Actors.Tests;

/// <summary>Hook order of start, restart and stop, as in Akka.NET; and where a stopped actor's messages go.</summary>
public sealed class LifecycleTests(ITestOutputHelper output) : ActorEcho.TestKit.TestKit(output: output)
{
    [Fact]
    public async Task Start_NewActor_RunsConstructorThenPreStart()
    {
        Sys.ActorOf(LifecycleActor.CreateProps("a", TestActor), "a");

        await ExpectMsgAsync(new LifecycleEvent("a", "ctor", 1));
        await ExpectMsgAsync(new LifecycleEvent("a", "PreStart", 1));
        await ExpectNoMsgAsync();
    }

    [Fact]
    public async Task Restart_AfterFailure_RunsPreRestartPostStopCtorPostRestartPreStartInOrder()
    {
        var a = await StartAsync("a");

        a.Tell(new LifecycleFail("boom"), TestActor);

        await ExpectMsgAsync<LifecyclePreRestart>(p => p.Actor == "a" && p.Instance == 1 && p.Reason == "boom");
        await ExpectMsgAsync(new LifecycleEvent("a", "PostStop", 1));
        await ExpectMsgAsync(new LifecycleEvent("a", "ctor", 2));
        await ExpectMsgAsync(new LifecyclePostRestart("a", 2, "boom"));
        await ExpectMsgAsync(new LifecycleEvent("a", "PreStart", 2));
        await ExpectNoMsgAsync();
    }

    [Fact]
    public async Task Restart_PreRestart_ReceivesFailingMessage()
    {
        var a = await StartAsync("a");
        var failing = new LifecycleFail("boom");

        a.Tell(failing, TestActor);

        var preRestart = await ExpectMsgAsync<LifecyclePreRestart>();
        Assert.Equal(1, preRestart.Instance);
        Assert.Equal("boom", preRestart.Reason);
        Assert.Equal(failing, preRestart.FailedMessage);
    }

    [Fact]
    public async Task Restart_AfterRestart_NewInstanceProcessesLaterMessagesBehindSameRef()
    {
        var a = await StartAsync("a");

        a.Tell(new LifecycleFail("boom"), TestActor);
        a.Tell("after", TestActor);

        await FishForMessageAsync<LifecycleEvent>(e => e == new LifecycleEvent("a", "PreStart", 2));
        await ExpectMsgAsync(new LifecycleReceived("a", 2, "after"));
        Assert.Equal(a, LastSender);
        await ExpectNoMsgAsync();
    }

    [Fact]
    public async Task Restart_ParentWithChild_ChildStoppedBeforeNewParentInstanceIsCreated()
    {
        var p = Sys.ActorOf(LifecycleActor.CreateProps("p", TestActor, new LifecycleChildSpec("c", LifecycleActor.CreateProps("c", TestActor))), "p");
        var started = await this.ReceiveLifecycleMessagesAsync(4);
        Assert.Equal([new LifecycleEvent("p", "ctor", 1), new LifecycleEvent("p", "PreStart", 1)], OfActor(started, "p"));
        Assert.Equal([new LifecycleEvent("c", "ctor", 1), new LifecycleEvent("c", "PreStart", 1)], OfActor(started, "c"));

        p.Tell(new LifecycleFail("boom"), TestActor);

        var restarted = await this.ReceiveLifecycleMessagesAsync(8);
        var parentEvents = OfActor(restarted, "p");
        Assert.Equal(5, parentEvents.Count);
        Assert.IsType<LifecyclePreRestart>(parentEvents[0]);
        Assert.Equal(
            [new LifecycleEvent("p", "PostStop", 1), new LifecycleEvent("p", "ctor", 2), new LifecyclePostRestart("p", 2, "boom"), new LifecycleEvent("p", "PreStart", 2)],
            parentEvents.Skip(1).Take(4));
        Assert.Equal(
            [new LifecycleEvent("c", "PostStop", 1), new LifecycleEvent("c", "ctor", 2), new LifecycleEvent("c", "PreStart", 2)],
            OfActor(restarted, "c"));
        AssertOrder(restarted, new LifecycleEvent("c", "PostStop", 1), new LifecycleEvent("p", "ctor", 2));
        await ExpectNoMsgAsync();
    }

    [Fact]
    public async Task Stop_ParentWithChildren_ChildrenPostStopBeforeParentPostStop()
    {
        var grandchild = LifecycleActor.CreateProps("g", TestActor);
        var p = Sys.ActorOf(
            LifecycleActor.CreateProps(
                "p",
                TestActor,
                new LifecycleChildSpec("c1", LifecycleActor.CreateProps("c1", TestActor, new LifecycleChildSpec("g", grandchild))),
                new LifecycleChildSpec("c2", LifecycleActor.CreateProps("c2", TestActor))),
            "p");
        await this.ReceiveLifecycleMessagesAsync(8);
        await WatchAsync(p);

        Sys.Stop(p);

        var stopped = await this.ReceiveLifecycleMessagesAsync(5);
        AssertOrder(stopped, new LifecycleEvent("g", "PostStop", 1), new LifecycleEvent("c1", "PostStop", 1));
        AssertOrder(stopped, new LifecycleEvent("c1", "PostStop", 1), new LifecycleEvent("p", "PostStop", 1));
        AssertOrder(stopped, new LifecycleEvent("c2", "PostStop", 1), new LifecycleEvent("p", "PostStop", 1));
        var terminated = Assert.IsType<Terminated>(stopped[^1].Message);
        Assert.Equal(p, terminated.ActorRef);
        await ExpectNoMsgAsync();
    }

    [Fact]
    public async Task PostStop_StoppedSeveralTimes_RunsOnce()
    {
        var a = await StartAsync("a");
        await WatchAsync(a);

        Sys.Stop(a);
        Sys.Stop(a);
        a.Tell(PoisonPill.Instance, TestActor);
        a.Tell(new LifecycleStopSelf(), TestActor);

        await ExpectMsgAsync(new LifecycleEvent("a", "PostStop", 1));
        await ExpectTerminatedAsync(a);
        await ExpectNoMsgAsync();
    }

    [Fact]
    public async Task StopSelf_InsideHandler_RunsPostStopOnceAndNotifiesWatcher()
    {
        var a = await StartAsync("a");
        await WatchAsync(a);

        a.Tell(new LifecycleStopSelf(), TestActor);

        await ExpectMsgAsync(new LifecycleEvent("a", "PostStop", 1));
        await ExpectTerminatedAsync(a);
        await ExpectNoMsgAsync();
    }

    [Fact]
    public async Task Stop_PendingMessages_GoToDeadLetters()
    {
        var deadLetters = CreateTestProbe();
        Sys.EventStream.Subscribe(deadLetters.Ref, typeof(DeadLetter));
        var a = await StartAsync("a");
        using var gate = new ManualResetEventSlim();
        a.Tell(new LifecycleBlock(gate), TestActor);
        await ExpectMsgAsync(new LifecycleEvent("a", "blocked", 1));

        a.Tell("pending-1", TestActor);
        a.Tell("pending-2", TestActor);
        Sys.Stop(a);
        gate.Set();

        await ExpectMsgAsync(new LifecycleEvent("a", "PostStop", 1));
        var first = await deadLetters.ExpectMsgAsync<DeadLetter>();
        var second = await deadLetters.ExpectMsgAsync<DeadLetter>();
        Assert.Equal("pending-1", first.Message);
        Assert.Equal("pending-2", second.Message);
        Assert.Equal(a, first.Recipient);
        Assert.Equal(TestActor, first.Sender);
        Assert.Equal(DeadLetterReason.RecipientStopped, first.Reason);
        await ExpectNoMsgAsync();
        await deadLetters.ExpectNoMsgAsync();
    }

    [Fact]
    public async Task Stop_MessagesSentAfterTermination_GoToDeadLetters()
    {
        var deadLetters = CreateTestProbe();
        Sys.EventStream.Subscribe(deadLetters.Ref, typeof(DeadLetter));
        var a = await StartAsync("a");
        await WatchAsync(a);
        Sys.Stop(a);
        await ExpectMsgAsync(new LifecycleEvent("a", "PostStop", 1));
        await ExpectTerminatedAsync(a);

        a.Tell("late", TestActor);

        var deadLetter = await deadLetters.ExpectMsgAsync<DeadLetter>();
        Assert.Equal("late", deadLetter.Message);
        Assert.Equal(a, deadLetter.Recipient);
        await ExpectNoMsgAsync();
    }

    [Fact]
    public async Task PoisonPill_QueuedBehindMessages_ProcessesThemThenStopsAndDeadLettersTheRest()
    {
        var deadLetters = CreateTestProbe();
        Sys.EventStream.Subscribe(deadLetters.Ref, typeof(DeadLetter));
        var a = await StartAsync("a");

        a.Tell("before", TestActor);
        a.Tell(PoisonPill.Instance, TestActor);
        a.Tell("behind", TestActor);

        await ExpectMsgAsync(new LifecycleReceived("a", 1, "before"));
        await ExpectMsgAsync(new LifecycleEvent("a", "PostStop", 1));
        var deadLetter = await deadLetters.ExpectMsgAsync<DeadLetter>();
        Assert.Equal("behind", deadLetter.Message);
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
