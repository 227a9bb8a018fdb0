using ActorEcho.Actors.Internal;
using ActorEcho.Actors.Supervision;
using ActorEcho.Actors.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ActorEcho.Actors.Tests;

/// <summary>One-for-one supervision: each directive, escalation, the default strategy, strategy overrides and what is not supervised.</summary>
public sealed class SupervisionTests(ITestOutputHelper output) : ActorEcho.TestKit.TestKit(output: output)
{
    [Fact]
    public async Task Resume_FailingChild_KeepsStateAndContinues()
    {
        var (_, w) = await StartParentWithWorkerAsync(SupervisionStrategies.OneForOne(TestActor, Directive.Resume));

        w.Tell("inc", TestActor);
        w.Tell("inc", TestActor);
        w.Tell(new SupervisionFail(new InvalidOperationException("w-boom")), TestActor);
        w.Tell("get", TestActor);

        await ExpectMsgAsync(new SupervisionCount("w", 1));
        await ExpectMsgAsync(new SupervisionCount("w", 2));
        await ExpectMsgAsync(new SupervisionEvent("w", "failing"));
        await ExpectMsgAsync(new SupervisionDecision(nameof(InvalidOperationException), "w-boom", Directive.Resume));
        await ExpectMsgAsync(new SupervisionCount("w", 2));
        await ExpectNoMsgAsync();
    }

    [Fact]
    public async Task Restart_FailingChild_ResetsStateAndKeepsQueuedMessages()
    {
        var (_, w) = await StartParentWithWorkerAsync(SupervisionStrategies.OneForOne(TestActor, Directive.Restart));

        w.Tell("inc", TestActor);
        w.Tell("inc", TestActor);
        w.Tell(new SupervisionFail(new InvalidOperationException("w-boom")), TestActor);
        w.Tell("inc", TestActor);
        w.Tell("get", TestActor);

        await ExpectMsgAsync(new SupervisionCount("w", 1));
        await ExpectMsgAsync(new SupervisionCount("w", 2));
        await ExpectMsgAsync(new SupervisionEvent("w", "failing"));
        await ExpectMsgAsync(new SupervisionDecision(nameof(InvalidOperationException), "w-boom", Directive.Restart));
        await ExpectMsgAsync(new SupervisionEvent("w", "PreRestart"));
        await ExpectMsgAsync(new SupervisionEvent("w", "PostStop"));
        await ExpectMsgAsync(new SupervisionRestarted("w", nameof(InvalidOperationException), "w-boom"));
        await ExpectMsgAsync(new SupervisionCount("w", 1));
        await ExpectMsgAsync(new SupervisionCount("w", 1));
        await ExpectNoMsgAsync();
    }

    [Fact]
    public async Task Stop_FailingChild_StopsItAndNotifiesWatcher()
    {
        var (parent, w) = await StartParentWithWorkerAsync(SupervisionStrategies.OneForOne(TestActor, Directive.Stop));
        await WatchAsync(w);

        w.Tell(new SupervisionFail(new InvalidOperationException("w-boom")), TestActor);

        await ExpectMsgAsync(new SupervisionEvent("w", "failing"));
        await ExpectMsgAsync(new SupervisionDecision(nameof(InvalidOperationException), "w-boom", Directive.Stop));
        await ExpectMsgAsync(new SupervisionEvent("w", "PostStop"));
        await ExpectTerminatedAsync(w);
        parent.Tell(new SupervisionGetChild("w"), TestActor);
        Assert.True((await ExpectMsgAsync<IActorRef>()).IsNobody());
        await ExpectNoMsgAsync();
    }

    [Fact]
    public async Task Escalate_GrandparentRestarts_ParentRestartsAndItsChildIsReplaced()
    {
        var (g, p, w) = await StartThreeLevelsAsync(Directive.Restart);
        await WatchAsync(w);
        w.Tell("inc", TestActor);
        await ExpectMsgAsync(new SupervisionCount("w", 1));

        w.Tell(new SupervisionFail(new InvalidOperationException("w-boom")), TestActor);

        var events = await this.ReceiveLifecycleMessagesAsync(9);
        var all = events.Select(e => e.Message).ToList();
        var escalated = new SupervisionDecision(nameof(InvalidOperationException), "w-boom", Directive.Escalate);
        var restarted = new SupervisionDecision(nameof(InvalidOperationException), "w-boom", Directive.Restart);
        Assert.Equal(new SupervisionEvent("w", "failing"), all[0]);
        Assert.Equal(escalated, all[1]);
        Assert.Equal(restarted, all[2]);
        Assert.Equal(new SupervisionEvent("p", "PreRestart"), all[3]);
        Assert.Contains(new SupervisionEvent("p", "PostStop"), all);
        Assert.Contains(new SupervisionEvent("w", "PostStop"), all);
        Assert.Contains(all, m => m is Terminated t && t.ActorRef.Equals(w));
        var parentRestarted = new SupervisionRestarted("p", nameof(InvalidOperationException), "w-boom");
        LifecycleExpectations.AssertOrder(events, new SupervisionEvent("w", "PostStop"), new SupervisionEvent("p", "ctor"));
        LifecycleExpectations.AssertOrder(events, new SupervisionEvent("p", "PostStop"), new SupervisionEvent("p", "ctor"));
        LifecycleExpectations.AssertOrder(events, new SupervisionEvent("p", "ctor"), parentRestarted);

        p.Tell(new SupervisionGetChild("w"), TestActor);
        var freshW = await ExpectMsgAsync<IActorRef>();
        Assert.False(freshW.IsNobody());
        Assert.NotEqual(w, freshW);
        freshW.Tell("inc", TestActor);
        await ExpectMsgAsync(new SupervisionCount("w", 1));
        g.Tell(new SupervisionGetChild("p"), TestActor);
        Assert.Equal(p, await ExpectMsgAsync<IActorRef>());
        await ExpectNoMsgAsync();
    }

    [Fact]
    public async Task Escalate_GrandparentStops_ParentAndChildStop()
    {
        var (_, p, w) = await StartThreeLevelsAsync(Directive.Stop);
        await WatchAsync(p);
        await WatchAsync(w);

        w.Tell(new SupervisionFail(new InvalidOperationException("w-boom")), TestActor);

        var events = (await this.ReceiveLifecycleMessagesAsync(7)).Select(e => e.Message).ToList();
        Assert.Equal(new SupervisionEvent("w", "failing"), events[0]);
        Assert.Equal(new SupervisionDecision(nameof(InvalidOperationException), "w-boom", Directive.Escalate), events[1]);
        Assert.Equal(new SupervisionDecision(nameof(InvalidOperationException), "w-boom", Directive.Stop), events[2]);
        Assert.Contains(new SupervisionEvent("w", "PostStop"), events);
        Assert.Contains(new SupervisionEvent("p", "PostStop"), events);
        Assert.Contains(events, m => m is Terminated t && t.ActorRef.Equals(w));
        Assert.Contains(events, m => m is Terminated t && t.ActorRef.Equals(p));
        await ExpectNoMsgAsync();
    }

    [Fact]
    public async Task Escalate_GrandparentResumes_FailingChildProcessesItsNextMessage()
    {
        var (_, _, w) = await StartThreeLevelsAsync(Directive.Resume);
        w.Tell("inc", TestActor);
        await ExpectMsgAsync(new SupervisionCount("w", 1));

        w.Tell(new SupervisionFail(new InvalidOperationException("w-boom")), TestActor);
        w.Tell("inc", TestActor);

        await ExpectMsgAsync(new SupervisionEvent("w", "failing"));
        await ExpectMsgAsync(new SupervisionDecision(nameof(InvalidOperationException), "w-boom", Directive.Escalate));
        await ExpectMsgAsync(new SupervisionDecision(nameof(InvalidOperationException), "w-boom", Directive.Resume));
        await ExpectMsgAsync(new SupervisionCount("w", 2), TimeSpan.FromSeconds(1), hint: "the whole subtree is resumed, the failing child included (Akka's perpetrator)");
        await ExpectNoMsgAsync();
    }

    [Fact]
    public async Task Suspend_ParentFailed_ChildProcessesNothingUntilParentIsResumed()
    {
        using var gate = new ManualResetEventSlim();
        var strategy = new OneForOneStrategy(_ =>
        {
            TestActor.Tell(new SupervisionEvent("g", "deciding"), null);
            gate.Wait(LifecycleActor.MaxBlock);
            return Directive.Resume;
        });
        var pSpec = new SupervisionCreateChild(
            SupervisionParent.CreateProps("p", TestActor, null, new SupervisionCreateChild(SupervisionWorker.CreateProps("w", TestActor), "w")), "p");
        var g = Sys.ActorOf(SupervisionParent.CreateProps("g", TestActor, strategy, pSpec), "g");
        await ExpectMsgAsync(new SupervisionEvent("g", "ctor"));
        await ExpectMsgAsync(new SupervisionEvent("p", "ctor"));
        var p = await GetChildAsync(g, "p");
        var w = await GetChildAsync(p, "w");
        w.Tell("inc", TestActor);
        await ExpectMsgAsync(new SupervisionCount("w", 1));

        p.Tell(new SupervisionFail(new InvalidOperationException("p-boom")), TestActor);
        await ExpectMsgAsync(new SupervisionEvent("p", "failing"));
        await ExpectMsgAsync(new SupervisionEvent("g", "deciding"));
        w.Tell("inc", TestActor);

        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(200));
        gate.Set();
        await ExpectMsgAsync(new SupervisionCount("w", 2));
        await ExpectNoMsgAsync();
    }

    [Fact]
    public async Task SupervisorStrategy_OverriddenByActor_DecidesPerExceptionType()
    {
        var strategy = new OneForOneStrategy(Decider.From(Directive.Restart, Directive.Resume.When<ArgumentException>()));
        var (_, w) = await StartParentWithWorkerAsync(strategy);
        w.Tell("inc", TestActor);
        await ExpectMsgAsync(new SupervisionCount("w", 1));

        w.Tell(new SupervisionFail(new ArgumentException("resume me")), TestActor);
        w.Tell("get", TestActor);
        await ExpectMsgAsync(new SupervisionEvent("w", "failing"));
        await ExpectMsgAsync(new SupervisionCount("w", 1));

        w.Tell(new SupervisionFail(new InvalidOperationException("restart me")), TestActor);
        w.Tell("get", TestActor);
        await ExpectMsgAsync(new SupervisionEvent("w", "failing"));
        await ExpectMsgAsync(new SupervisionEvent("w", "PreRestart"));
        await ExpectMsgAsync(new SupervisionEvent("w", "PostStop"));
        await ExpectMsgAsync(new SupervisionRestarted("w", nameof(InvalidOperationException), "restart me"));
        await ExpectMsgAsync(new SupervisionCount("w", 0));
        await ExpectNoMsgAsync();
    }

    [Fact]
    public async Task PropsWithSupervisorStrategy_ActorWithoutOverride_UsesPropsStrategy()
    {
        var props = SupervisionParent.CreateProps("parent", TestActor, strategy: null)
            .WithSupervisorStrategy(SupervisionStrategies.OneForOne(TestActor, Directive.Stop));
        var parent = Sys.ActorOf(props, "parent");
        await ExpectMsgAsync(new SupervisionEvent("parent", "ctor"));
        parent.Tell(new SupervisionCreateChild(SupervisionWorker.CreateProps("w", TestActor), "w"), TestActor);
        var w = await ExpectMsgAsync<IActorRef>();
        await WatchAsync(w);

        w.Tell(new SupervisionFail(new InvalidOperationException("w-boom")), TestActor);

        await ExpectMsgAsync(new SupervisionEvent("w", "failing"));
        await ExpectMsgAsync(new SupervisionDecision(nameof(InvalidOperationException), "w-boom", Directive.Stop));
        await ExpectMsgAsync(new SupervisionEvent("w", "PostStop"));
        await ExpectTerminatedAsync(w);
        await ExpectNoMsgAsync();
    }

    [Fact]
    public async Task DefaultStrategy_OrdinaryException_RestartsChild()
    {
        var (_, w) = await StartParentWithWorkerAsync(strategy: null);
        w.Tell("inc", TestActor);
        await ExpectMsgAsync(new SupervisionCount("w", 1));

        w.Tell(new SupervisionFail(new InvalidOperationException("w-boom")), TestActor);
        w.Tell("get", TestActor);

        await ExpectMsgAsync(new SupervisionEvent("w", "failing"));
        await ExpectMsgAsync(new SupervisionEvent("w", "PreRestart"));
        await ExpectMsgAsync(new SupervisionEvent("w", "PostStop"));
        await ExpectMsgAsync(new SupervisionRestarted("w", nameof(InvalidOperationException), "w-boom"));
        await ExpectMsgAsync(new SupervisionCount("w", 0));
        await ExpectNoMsgAsync();
    }

    [Fact]
    public async Task DefaultStrategy_ThrowingConstructor_StopsChildWithoutRetrying()
    {
        var parent = await StartParentAsync(strategy: null);
        var (broken, started) = await CreateChildAsync(parent, SupervisionBrokenActor.CreateProps(TestActor, SupervisionBrokenPart.Constructor), "broken", 1);
        Assert.Equal([new SupervisionEvent("broken", "ctor#1")], started);

        await WatchAsync(broken);

        await ExpectTerminatedAsync(broken);
        await ExpectNoMsgAsync();
    }

    [Fact]
    public async Task DefaultDecider_ThrowingConstructor_SeesActorInitializationExceptionAndStops()
    {
        var parent = await StartParentAsync(SupervisionStrategies.ReportingDefault(TestActor));
        var (broken, started) = await CreateChildAsync(parent, SupervisionBrokenActor.CreateProps(TestActor, SupervisionBrokenPart.Constructor), "broken", 1);
        Assert.Equal([new SupervisionEvent("broken", "ctor#1")], started);

        var decision = await ExpectMsgAsync<SupervisionDecision>();
        Assert.Equal(nameof(ActorInitializationException), decision.ExceptionType);
        Assert.Equal(Directive.Stop, decision.Directive);
        await WatchAsync(broken);
        await ExpectTerminatedAsync(broken);
        await ExpectNoMsgAsync();
    }

    [Fact]
    public async Task DefaultStrategy_ThrowingPreStart_StopsChildWithoutRetrying()
    {
        var parent = await StartParentAsync(SupervisionStrategies.ReportingDefault(TestActor));
        var (broken, started) = await CreateChildAsync(parent, SupervisionBrokenActor.CreateProps(TestActor, SupervisionBrokenPart.PreStart), "broken", 2);
        Assert.Equal([new SupervisionEvent("broken", "ctor#1"), new SupervisionEvent("broken", "PreStart#1")], started);

        var decision = await ExpectMsgAsync<SupervisionDecision>();
        Assert.Equal(nameof(ActorInitializationException), decision.ExceptionType);
        Assert.Equal(Directive.Stop, decision.Directive);
        await WatchAsync(broken);
        var events = await this.ReceiveLifecycleUntilAsync(m => m is Terminated);
        Assert.Equal(broken, ((Terminated)events[^1]).ActorRef);
        Assert.DoesNotContain(new SupervisionEvent("broken", "ctor#2"), events);
        await ExpectNoMsgAsync();
    }

    [Fact]
    public async Task Kill_DefaultStrategy_ProcessesEarlierMessagesThenStops()
    {
        var w = Sys.ActorOf(SupervisionWorker.CreateProps("w", TestActor), "w");
        await WatchAsync(w);

        w.Tell("inc", TestActor);
        w.Tell(Kill.Instance, TestActor);
        w.Tell("inc", TestActor);

        await ExpectMsgAsync(new SupervisionCount("w", 1));
        await ExpectMsgAsync(new SupervisionEvent("w", "PostStop"));
        await ExpectTerminatedAsync(w);
        await ExpectNoMsgAsync();
    }

    [Fact]
    public async Task Kill_ReportingDefaultDecider_SeesActorKilledExceptionAndStops()
    {
        var (_, w) = await StartParentWithWorkerAsync(SupervisionStrategies.ReportingDefault(TestActor));

        w.Tell(Kill.Instance, TestActor);

        var decision = await ExpectMsgAsync<SupervisionDecision>();
        Assert.Equal(nameof(ActorKilledException), decision.ExceptionType);
        Assert.Equal(Directive.Stop, decision.Directive);
        await ExpectMsgAsync(new SupervisionEvent("w", "PostStop"));
        await ExpectNoMsgAsync();
    }

    public static TheoryData<Exception, Directive> DefaultDecisions() => new()
    {
        { new InvalidOperationException("x"), Directive.Restart },
        { new ArgumentException("x"), Directive.Restart },
        { new ActorInitializationException("x"), Directive.Stop },
        { new ActorKilledException("x"), Directive.Stop },
        { new DeathPactException(ActorRefs.Nobody), Directive.Stop },
    };

    [Theory]
    [MemberData(nameof(DefaultDecisions))]
    public void DefaultStrategy_Decide_MapsExceptionToAkkaDirective(Exception cause, Directive expected)
    {
        Assert.Equal(expected, SupervisorStrategy.DefaultStrategy.Decide(cause));
        Assert.IsType<OneForOneStrategy>(SupervisorStrategy.DefaultStrategy);
        Assert.Equal(-1, SupervisorStrategy.DefaultStrategy.MaxNrOfRetries);
    }

    [Fact]
    public void IsNonFatal_FatalExceptions_AreNotSupervised()
    {
        Assert.False(ActorCell.IsNonFatal(new OutOfMemoryException()));
        Assert.False(ActorCell.IsNonFatal(new InsufficientExecutionStackException()));
        Assert.False(ActorCell.IsNonFatal(new AccessViolationException()));
        Assert.True(ActorCell.IsNonFatal(new InvalidOperationException()));
        Assert.True(ActorCell.IsNonFatal(new ActorKilledException("x")));
    }

    private async Task<IActorRef> StartParentAsync(SupervisorStrategy? strategy)
    {
        var parent = Sys.ActorOf(SupervisionParent.CreateProps("parent", TestActor, strategy), "parent");
        await ExpectMsgAsync(new SupervisionEvent("parent", "ctor"));
        return parent;
    }

    /// <summary>Creates a child through <paramref name="parent"/>; returns it and the first <paramref name="events"/> events it reported, which may race the reply.</summary>
    private async Task<(IActorRef Child, List<object> Events)> CreateChildAsync(IActorRef parent, Props props, string name, int events)
    {
        parent.Tell(new SupervisionCreateChild(props, name), TestActor);
        var received = (await this.ReceiveLifecycleMessagesAsync(events + 1)).Select(m => m.Message).ToList();
        var child = Assert.Single(received.OfType<IActorRef>());
        received.Remove(child);
        return (child, received);
    }

    private async Task<(IActorRef Parent, IActorRef Worker)> StartParentWithWorkerAsync(SupervisorStrategy? strategy)
    {
        var parent = await StartParentAsync(strategy);
        parent.Tell(new SupervisionCreateChild(SupervisionWorker.CreateProps("w", TestActor), "w"), TestActor);
        return (parent, await ExpectMsgAsync<IActorRef>());
    }

    /// <summary>g (reporting strategy with <paramref name="grandparentDirective"/>) → p (reporting Escalate) → w (worker).</summary>
    private async Task<(IActorRef G, IActorRef P, IActorRef W)> StartThreeLevelsAsync(Directive grandparentDirective)
    {
        var pProps = SupervisionParent.CreateProps(
            "p",
            TestActor,
            SupervisionStrategies.OneForOne(TestActor, Directive.Escalate),
            new SupervisionCreateChild(SupervisionWorker.CreateProps("w", TestActor), "w"));
        var g = Sys.ActorOf(
            SupervisionParent.CreateProps("g", TestActor, SupervisionStrategies.OneForOne(TestActor, grandparentDirective), new SupervisionCreateChild(pProps, "p")),
            "g");
        await ExpectMsgAsync(new SupervisionEvent("g", "ctor"));
        await ExpectMsgAsync(new SupervisionEvent("p", "ctor"));
        var p = await GetChildAsync(g, "p");
        var w = await GetChildAsync(p, "w");
        return (g, p, w);
    }

    private async Task<IActorRef> GetChildAsync(IActorRef parent, string name)
    {
        parent.Tell(new SupervisionGetChild(name), TestActor);
        var child = await ExpectMsgAsync<IActorRef>();
        Assert.False(child.IsNobody(), $"{parent.Path} has no child {name}");
        return child;
    }
}
