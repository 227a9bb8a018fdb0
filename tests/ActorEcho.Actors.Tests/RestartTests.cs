using ActorEcho.Actors.Supervision;
using ActorEcho.Actors.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ActorEcho.Actors.Tests;

/// <summary>Restart semantics (mailbox kept, failing message dropped, state reset) and restart limits of one-for-one strategies.</summary>
public sealed class RestartTests(ITestOutputHelper output) : ActorEcho.TestKit.TestKit(output: output)
{
    [Fact]
    public async Task Restart_FailingMessage_IsNotRedelivered()
    {
        var w = Sys.ActorOf(SupervisionWorker.CreateProps("w", TestActor), "w");

        w.Tell(new SupervisionFail(new InvalidOperationException("boom")), TestActor);
        w.Tell("get", TestActor);

        await ExpectMsgAsync(new SupervisionEvent("w", "failing"));
        await ExpectMsgAsync(new SupervisionEvent("w", "PreRestart"));
        await ExpectMsgAsync(new SupervisionEvent("w", "PostStop"));
        await ExpectMsgAsync(new SupervisionRestarted("w", nameof(InvalidOperationException), "boom"));
        await ExpectMsgAsync(new SupervisionCount("w", 0));
        await ExpectNoMsgAsync();
    }

    [Fact]
    public async Task Restart_MessagesQueuedBehindFailingOne_AreProcessedByNewInstanceInOrder()
    {
        var w = Sys.ActorOf(SupervisionWorker.CreateProps("w", TestActor), "w");
        using var gate = new ManualResetEventSlim();
        w.Tell(new SupervisionBlock(gate), TestActor);
        await ExpectMsgAsync(new SupervisionEvent("w", "blocked"));

        w.Tell("inc", TestActor);
        w.Tell(new SupervisionFail(new InvalidOperationException("boom")), TestActor);
        w.Tell("inc", TestActor);
        w.Tell("inc", TestActor);
        w.Tell("get", TestActor);
        gate.Set();

        await ExpectMsgAsync(new SupervisionCount("w", 1));
        await ExpectMsgAsync(new SupervisionEvent("w", "failing"));
        await ExpectMsgAsync(new SupervisionEvent("w", "PreRestart"));
        await ExpectMsgAsync(new SupervisionEvent("w", "PostStop"));
        await ExpectMsgAsync(new SupervisionRestarted("w", nameof(InvalidOperationException), "boom"));
        await ExpectMsgAsync(new SupervisionCount("w", 1));
        await ExpectMsgAsync(new SupervisionCount("w", 2));
        await ExpectMsgAsync(new SupervisionCount("w", 2));
        await ExpectNoMsgAsync();
    }

    [Fact]
    public async Task Restart_NewInstanceConstructorThrows_ActorIsStoppedInsteadOfRestartedAgain()
    {
        var broken = Sys.ActorOf(SupervisionBrokenActor.CreateProps(TestActor, SupervisionBrokenPart.Constructor, failFromInstance: 2), "broken");
        await ExpectMsgAsync(new SupervisionEvent("broken", "ctor#1"));
        await ExpectMsgAsync(new SupervisionEvent("broken", "PreStart#1"));
        await WatchAsync(broken);

        broken.Tell(new SupervisionFail(new InvalidOperationException("boom")), TestActor);

        var events = await this.ReceiveLifecycleUntilAsync(m => m is Terminated);
        Assert.Contains(new SupervisionEvent("broken", "ctor#2"), events);
        Assert.DoesNotContain(new SupervisionEvent("broken", "ctor#3"), events);
        Assert.Equal(broken, ((Terminated)events[^1]).ActorRef);
        await ExpectNoMsgAsync();
    }

    [Fact]
    public async Task MaxNrOfRetries_TwoWithoutWindow_ThirdFailureStops()
    {
        var w = await StartSupervisedWorkerAsync(new OneForOneStrategy(2, null, _ => Directive.Restart));

        await FailAndExpectRestartAsync(w, "1");
        await FailAndExpectRestartAsync(w, "2");
        w.Tell(new SupervisionFail(new InvalidOperationException("3")), TestActor);

        await ExpectMsgAsync(new SupervisionEvent("w", "failing"));
        await ExpectMsgAsync(new SupervisionEvent("w", "PostStop"));
        await ExpectTerminatedAsync(w);
        await ExpectNoMsgAsync();
    }

    [Fact]
    public async Task MaxNrOfRetries_TwoWithinWindow_ThirdFailureInsideWindowStops()
    {
        var w = await StartSupervisedWorkerAsync(new OneForOneStrategy(2, TimeSpan.FromSeconds(10), _ => Directive.Restart));

        await FailAndExpectRestartAsync(w, "1");
        await FailAndExpectRestartAsync(w, "2");
        w.Tell(new SupervisionFail(new InvalidOperationException("3")), TestActor);

        await ExpectMsgAsync(new SupervisionEvent("w", "failing"));
        await ExpectMsgAsync(new SupervisionEvent("w", "PostStop"));
        await ExpectTerminatedAsync(w);
        await ExpectNoMsgAsync();
    }

    [Fact]
    public async Task MaxNrOfRetries_Zero_NeverRestarts()
    {
        var w = await StartSupervisedWorkerAsync(new OneForOneStrategy(0, null, _ => Directive.Restart));

        w.Tell(new SupervisionFail(new InvalidOperationException("1")), TestActor);

        await ExpectMsgAsync(new SupervisionEvent("w", "failing"));
        await ExpectMsgAsync(new SupervisionEvent("w", "PostStop"));
        await ExpectTerminatedAsync(w);
        await ExpectNoMsgAsync();
    }

    [Fact]
    public async Task WithMaxNrOfRetries_One_SecondFailureStops()
    {
        var strategy = new OneForOneStrategy(_ => Directive.Restart).WithMaxNrOfRetries(1);
        Assert.Equal(1, strategy.MaxNrOfRetries);
        var w = await StartSupervisedWorkerAsync(strategy);

        await FailAndExpectRestartAsync(w, "1");
        w.Tell(new SupervisionFail(new InvalidOperationException("2")), TestActor);

        await ExpectMsgAsync(new SupervisionEvent("w", "failing"));
        await ExpectMsgAsync(new SupervisionEvent("w", "PostStop"));
        await ExpectTerminatedAsync(w);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(10_000)]
    public async Task MaxNrOfRetries_Unlimited_KeepsRestarting(int windowMilliseconds)
    {
        var w = await StartSupervisedWorkerAsync(new OneForOneStrategy(-1, windowMilliseconds, _ => Directive.Restart));

        for (var i = 1; i <= 5; i++)
        {
            await FailAndExpectRestartAsync(w, i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        w.Tell("inc", TestActor);
        await ExpectMsgAsync(new SupervisionCount("w", 1));
        await ExpectNoMsgAsync();
    }

    [Fact]
    public void Strategy_InvalidLimits_AreRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new OneForOneStrategy(-2, null, _ => Directive.Restart));
        Assert.Throws<ArgumentOutOfRangeException>(() => new OneForOneStrategy(1, TimeSpan.Zero, _ => Directive.Restart));
        Assert.Null(new OneForOneStrategy(1, -1, _ => Directive.Restart).WithinTimeRange);
        Assert.Equal(-1, new OneForOneStrategy(null, null, _ => Directive.Restart).MaxNrOfRetries);
    }

    private async Task<IActorRef> StartSupervisedWorkerAsync(SupervisorStrategy strategy)
    {
        var parent = Sys.ActorOf(SupervisionParent.CreateProps("parent", TestActor, strategy), "parent");
        await ExpectMsgAsync(new SupervisionEvent("parent", "ctor"));
        parent.Tell(new SupervisionCreateChild(SupervisionWorker.CreateProps("w", TestActor), "w"), TestActor);
        var w = await ExpectMsgAsync<IActorRef>();
        await WatchAsync(w);
        return w;
    }

    private async Task FailAndExpectRestartAsync(IActorRef w, string reason)
    {
        w.Tell(new SupervisionFail(new InvalidOperationException(reason)), TestActor);
        await ExpectMsgAsync(new SupervisionEvent("w", "failing"));
        await ExpectMsgAsync(new SupervisionEvent("w", "PreRestart"));
        await ExpectMsgAsync(new SupervisionEvent("w", "PostStop"));
        await ExpectMsgAsync(new SupervisionRestarted("w", nameof(InvalidOperationException), reason));
    }
}
