using ActorEcho.Actors.Supervision;
using ActorEcho.Actors.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ActorEcho.Actors.Tests;

/// <summary>All-for-one supervision: Restart and Stop apply to every sibling, Resume only to the failing child.</summary>
public sealed class AllForOneStrategyTests(ITestOutputHelper output) : ActorEcho.TestKit.TestKit(output: output)
{
    private static readonly string[] Names = ["a", "b", "c"];

    [Fact]
    public async Task AllForOne_Restart_RestartsEverySiblingWithTheFailingCause()
    {
        var children = await StartSiblingsAsync(SupervisionStrategies.AllForOne(TestActor, Directive.Restart));

        children["b"].Tell(new SupervisionFail(new InvalidOperationException("b-boom")), TestActor);

        var events = (await this.ReceiveLifecycleMessagesAsync(2 + (3 * Names.Length))).Select(m => m.Message).ToList();
        Assert.Equal(new SupervisionEvent("b", "failing"), events[0]);
        Assert.Equal(new SupervisionDecision(nameof(InvalidOperationException), "b-boom", Directive.Restart), events[1]);
        foreach (var name in Names)
        {
            Assert.Equal(
                [new SupervisionEvent(name, "PreRestart"), new SupervisionEvent(name, "PostStop"), new SupervisionRestarted(name, nameof(InvalidOperationException), "b-boom")],
                events.Skip(2).Where(e => (e is SupervisionEvent se && se.Actor == name) || (e is SupervisionRestarted sr && sr.Actor == name)));
        }

        await ExpectCountsAsync(children, 0);
    }

    [Fact]
    public async Task AllForOne_Stop_StopsEverySibling()
    {
        var children = await StartSiblingsAsync(SupervisionStrategies.AllForOne(TestActor, Directive.Stop));
        foreach (var child in children.Values)
        {
            await WatchAsync(child);
        }

        children["b"].Tell(new SupervisionFail(new InvalidOperationException("b-boom")), TestActor);

        var events = (await this.ReceiveLifecycleMessagesAsync(2 + (2 * Names.Length))).Select(m => m.Message).ToList();
        Assert.Equal(new SupervisionEvent("b", "failing"), events[0]);
        Assert.Equal(new SupervisionDecision(nameof(InvalidOperationException), "b-boom", Directive.Stop), events[1]);
        foreach (var (name, child) in children)
        {
            Assert.Contains(new SupervisionEvent(name, "PostStop"), events);
            Assert.Single(events, e => e is Terminated t && t.ActorRef.Equals(child));
        }

        await ExpectNoMsgAsync();
    }

    [Fact]
    public async Task AllForOne_Resume_ResumesOnlyTheFailingChildAndSiblingsKeepState()
    {
        var children = await StartSiblingsAsync(SupervisionStrategies.AllForOne(TestActor, Directive.Resume));

        children["b"].Tell(new SupervisionFail(new InvalidOperationException("b-boom")), TestActor);

        await ExpectMsgAsync(new SupervisionEvent("b", "failing"));
        await ExpectMsgAsync(new SupervisionDecision(nameof(InvalidOperationException), "b-boom", Directive.Resume));
        await ExpectCountsAsync(children, 1);
    }

    [Fact]
    public async Task AllForOne_RetriesExhausted_StopsEverySibling()
    {
        var children = await StartSiblingsAsync(new AllForOneStrategy(1, null, _ => Directive.Restart));
        foreach (var child in children.Values)
        {
            await WatchAsync(child);
        }

        children["b"].Tell(new SupervisionFail(new InvalidOperationException("first")), TestActor);
        var restarted = (await this.ReceiveLifecycleMessagesAsync(1 + (3 * Names.Length))).Select(m => m.Message).ToList();
        Assert.Equal(Names.Length, restarted.OfType<SupervisionRestarted>().Count());

        children["a"].Tell(new SupervisionFail(new InvalidOperationException("second")), TestActor);

        var stopped = (await this.ReceiveLifecycleMessagesAsync(1 + (2 * Names.Length))).Select(m => m.Message).ToList();
        Assert.Equal(new SupervisionEvent("a", "failing"), stopped[0]);
        Assert.Empty(stopped.OfType<SupervisionRestarted>());
        foreach (var child in children.Values)
        {
            Assert.Single(stopped, e => e is Terminated t && t.ActorRef.Equals(child));
        }

        await ExpectNoMsgAsync();
    }

    /// <summary>A parent with the given strategy and workers a, b, c, each counted up to 1.</summary>
    private async Task<Dictionary<string, IActorRef>> StartSiblingsAsync(SupervisorStrategy strategy)
    {
        var parent = Sys.ActorOf(SupervisionParent.CreateProps("parent", TestActor, strategy), "parent");
        await ExpectMsgAsync(new SupervisionEvent("parent", "ctor"));
        var children = new Dictionary<string, IActorRef>();
        foreach (var name in Names)
        {
            parent.Tell(new SupervisionCreateChild(SupervisionWorker.CreateProps(name, TestActor), name), TestActor);
            children[name] = await ExpectMsgAsync<IActorRef>();
            children[name].Tell("inc", TestActor);
            await ExpectMsgAsync(new SupervisionCount(name, 1));
        }

        return children;
    }

    private async Task ExpectCountsAsync(Dictionary<string, IActorRef> children, int expected)
    {
        foreach (var (name, child) in children)
        {
            child.Tell("get", TestActor);
            await ExpectMsgAsync(new SupervisionCount(name, expected));
        }

        await ExpectNoMsgAsync();
    }
}
