using ActorEcho.Actors.Supervision;
using ActorEcho.Actors.Tests.Infrastructure;
using ActorEcho.TestFixtures;
using Xunit.Abstractions;

namespace ActorEcho.Actors.Tests;

/// <summary>
/// The runtime's instruments on the <c>ActorEcho</c> meter, read with a <see cref="MetricsRecorder"/> that keeps only this test's actor
/// system (a unique name per test), since other tests' systems measure into the same meter name at the same time.
/// </summary>
public sealed class ActorSystemMetricsTests : ActorEcho.TestKit.TestKit, IDisposable
{
    private readonly MetricsRecorder _metrics;

    public ActorSystemMetricsTests(ITestOutputHelper output)
        : base(output: output, systemName: "metrics-" + Guid.NewGuid().ToString("N")[..12])
    {
        _metrics = new MetricsRecorder(Sys.Name);
    }

    [Fact]
    public async Task Restart_FailingChild_CountsRestartDecisionAndRestart()
    {
        var parent = Sys.ActorOf(SupervisionParent.CreateProps("p", TestActor, null, new SupervisionCreateChild(SupervisionWorker.CreateProps("w", TestActor), "w")), "p");
        await ExpectMsgAsync<SupervisionEvent>(e => e.What == "ctor");
        var worker = await parent.Ask<IActorRef>(new SupervisionGetChild("w"), TimeSpan.FromSeconds(10));

        worker.Tell(new SupervisionFail(new InvalidOperationException("boom")), TestActor);
        await FishForMessageAsync<SupervisionRestarted>(r => r.Actor == "w");

        await AwaitAssertAsync(() =>
        {
            Assert.Equal(1, _metrics.Sum("actorecho.actor.restarts"));
            Assert.Equal(1, _metrics.Sum("actorecho.actor.supervisor_decisions", "directive", "restart"));
            Assert.Equal(1, _metrics.Sum("actorecho.actor.supervisor_decisions"));
        });
    }

    [Fact]
    public async Task Stop_FailingChild_CountsStopDecisionAndLogsErrorWithPath()
    {
        var parent = Sys.ActorOf(SupervisionParent.CreateProps("p", TestActor, SupervisorStrategy.StoppingStrategy, new SupervisionCreateChild(SupervisionWorker.CreateProps("w", TestActor), "w")), "p");
        await ExpectMsgAsync<SupervisionEvent>(e => e.What == "ctor");
        var worker = await parent.Ask<IActorRef>(new SupervisionGetChild("w"), TimeSpan.FromSeconds(10));

        await EventFilter.Error(contains: $"Actor {worker.Path} failed and is stopped: boom").ExpectAsync(1, async () =>
        {
            worker.Tell(new SupervisionFail(new InvalidOperationException("boom")), TestActor);
            await FishForMessageAsync<SupervisionEvent>(e => e.Actor == "w" && e.What == "PostStop");
        });

        await AwaitAssertAsync(() => Assert.Equal(1, _metrics.Sum("actorecho.actor.supervisor_decisions", "directive", "stop")));
        Assert.Equal(0, _metrics.Sum("actorecho.actor.restarts"));
    }

    [Fact]
    public async Task Restart_RetryLimitReached_CountsAndLogsStopInsteadOfRestart()
    {
        var noRetries = new OneForOneStrategy(0, null, _ => Directive.Restart);
        var parent = Sys.ActorOf(SupervisionParent.CreateProps("p", TestActor, noRetries, new SupervisionCreateChild(SupervisionWorker.CreateProps("w", TestActor), "w")), "p");
        await ExpectMsgAsync<SupervisionEvent>(e => e.What == "ctor");
        var worker = await parent.Ask<IActorRef>(new SupervisionGetChild("w"), TimeSpan.FromSeconds(10));

        await EventFilter.Error(contains: $"Actor {worker.Path} failed and is stopped: restart limit of 0 reached").ExpectAsync(1, async () =>
        {
            worker.Tell(new SupervisionFail(new InvalidOperationException("boom")), TestActor);
            await FishForMessageAsync<SupervisionEvent>(e => e.Actor == "w" && e.What == "PostStop");
        });

        await AwaitAssertAsync(() => Assert.Equal(1, _metrics.Sum("actorecho.actor.supervisor_decisions", "directive", "stop")));
        Assert.Equal(0, _metrics.Sum("actorecho.actor.supervisor_decisions", "directive", "restart"));
        Assert.Equal(0, _metrics.Sum("actorecho.actor.restarts"));
    }

    [Fact]
    public async Task Escalate_FailingChild_CountsEscalateAndLogsWarningWithPath()
    {
        var escalating = new OneForOneStrategy(_ => Directive.Escalate);
        var pSpec = new SupervisionCreateChild(
            SupervisionParent.CreateProps("p", TestActor, escalating, new SupervisionCreateChild(SupervisionWorker.CreateProps("w", TestActor), "w")), "p");
        var g = Sys.ActorOf(SupervisionParent.CreateProps("g", TestActor, SupervisorStrategy.StoppingStrategy, pSpec), "g");
        await ExpectMsgAsync<SupervisionEvent>(e => e.Actor == "g" && e.What == "ctor");
        await ExpectMsgAsync<SupervisionEvent>(e => e.Actor == "p" && e.What == "ctor");
        var p = await g.Ask<IActorRef>(new SupervisionGetChild("p"), TimeSpan.FromSeconds(10));
        var worker = await p.Ask<IActorRef>(new SupervisionGetChild("w"), TimeSpan.FromSeconds(10));

        await EventFilter.Warning(contains: $"Actor {worker.Path} failed and its supervisor {p.Path} escalates").ExpectAsync(1, async () =>
        {
            worker.Tell(new SupervisionFail(new InvalidOperationException("boom")), TestActor);
            await FishForMessageAsync<SupervisionEvent>(e => e.Actor == "p" && e.What == "PostStop");
        });

        await AwaitAssertAsync(() =>
        {
            Assert.Equal(1, _metrics.Sum("actorecho.actor.supervisor_decisions", "directive", "escalate"));
            Assert.Equal(1, _metrics.Sum("actorecho.actor.supervisor_decisions", "directive", "stop"));
        });
    }

    [Fact]
    public async Task Tell_StoppedActor_CountsEachDeadLetter()
    {
        var actor = Sys.ActorOf(SupervisionWorker.CreateProps("w", CreateTestProbe().Ref), "w");
        await WatchAsync(actor);
        Sys.Stop(actor);
        await ExpectTerminatedAsync(actor);

        for (var i = 0; i < 3; i++)
        {
            actor.Tell("inc", TestActor);
        }

        await AwaitAssertAsync(() => Assert.Equal(3, _metrics.Sum("actorecho.actor.dead_letters", "suppressed", false)));
        Assert.Equal(3, _metrics.Sum("actorecho.actor.dead_letters"));
    }

    [Fact]
    public async Task MailboxDepthGauge_ActorBlockedWithQueuedMessages_ReportsAtLeastTheQueue()
    {
        const int Queued = 25;
        var actor = Sys.ActorOf(SupervisionWorker.CreateProps("w", TestActor), "w");
        using var gate = new ManualResetEventSlim();
        actor.Tell(new SupervisionBlock(gate), TestActor);
        await ExpectMsgAsync(new SupervisionEvent("w", "blocked"));
        for (var i = 0; i < Queued; i++)
        {
            actor.Tell("inc", TestActor);
        }

        try
        {
            Assert.True(_metrics.Observe("actorecho.actor.mailbox_depth_max") >= Queued, _metrics.Dump());
        }
        finally
        {
            gate.Set();
        }

        for (var i = 1; i <= Queued; i++)
        {
            await ExpectMsgAsync(new SupervisionCount("w", i));
        }

        await AwaitAssertAsync(() => Assert.True(_metrics.Observe("actorecho.actor.mailbox_depth_max") < Queued, _metrics.Dump()));
    }

    /// <inheritdoc />
    public void Dispose() => _metrics.Dispose();
}
