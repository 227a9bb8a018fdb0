namespace ActorEcho.TestKit.Tests;

public sealed class WatchTests : TestKit
{
    private static readonly TimeSpan Short = TimeSpan.FromMilliseconds(150);

    [Fact]
    public async Task ExpectTerminatedAsync_WatchedActorStops_ReturnsTerminated()
    {
        var actor = ActorOf(Props.Create(() => new Idle()), "doomed");
        await WatchAsync(actor);

        actor.Tell(PoisonPill.Instance, null);

        var terminated = await ExpectTerminatedAsync(actor);
        Assert.Equal(actor, terminated.ActorRef);
        Assert.True(terminated.ExistenceConfirmed);
    }

    [Fact]
    public async Task ExpectTerminatedAsync_ActorStillAlive_FailsNamingActorAndDuration()
    {
        var actor = ActorOf(Props.Create(() => new Idle()), "survivor");
        await WatchAsync(actor);

        var ex = await Assert.ThrowsAsync<TestKitAssertionException>(() => ExpectTerminatedAsync(actor, Short));

        Assert.Contains($"Expected a message of type Terminated (for {actor.Path}) within {FailureText.Ms(Dilated(Short))}, but no message arrived.", ex.Message, StringComparison.Ordinal);
        Assert.True(FailureText.AfterMs(ex.Message) >= Dilated(Short).TotalMilliseconds - 20, ex.Message);
    }

    [Fact]
    public async Task ExpectTerminatedAsync_OtherActorTerminated_FailsShowingWhichOne()
    {
        var first = ActorOf(Props.Create(() => new Idle()), "first");
        var second = ActorOf(Props.Create(() => new Idle()), "second");
        await WatchAsync(first);
        await WatchAsync(second);

        Sys.Stop(second);

        var ex = await Assert.ThrowsAsync<TestKitAssertionException>(() => ExpectTerminatedAsync(first, TimeSpan.FromSeconds(3)));
        Assert.Contains("matching the predicate (for " + first.Path, ex.Message, StringComparison.Ordinal);
        Assert.Contains("<Terminated: <Terminated>: " + second.Path, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WatchAsync_AlreadyStoppedActor_DeliversTerminated()
    {
        var actor = ActorOf(Props.Create(() => new Idle()));
        var probe = CreateTestProbe();
        await probe.WatchAsync(actor);
        Sys.Stop(actor);
        await probe.ExpectTerminatedAsync(actor);

        await WatchAsync(actor);

        await ExpectTerminatedAsync(actor);
    }

    [Fact]
    public async Task UnwatchAsync_BeforeStop_NoTerminatedArrives()
    {
        var actor = ActorOf(Props.Create(() => new Idle()));
        var probe = CreateTestProbe();
        await probe.WatchAsync(actor);
        await WatchAsync(actor);
        await UnwatchAsync(actor);

        Sys.Stop(actor);

        await probe.ExpectTerminatedAsync(actor);
        await ExpectNoMsgAsync(Short);
    }

    private sealed class Idle : ActorBase
    {
        protected override bool Receive(object message) => true;
    }
}
