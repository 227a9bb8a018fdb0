using ActorEcho.Actors.Event;
using ActorEcho.Actors.Supervision;
using ActorEcho.Actors.Tests.Infrastructure.Runtime;
using Xunit.Abstractions;

namespace ActorEcho.Actors.Tests;

/// <summary>IWithUnboundedStash: order, Unstash, double stash, restart, stop.</summary>
public sealed class StashTests(ITestOutputHelper output) : ActorEcho.TestKit.TestKit(output: output)
{
    private static readonly TimeSpan s_ask = TimeSpan.FromSeconds(3);

    private IActorRef CreateStashing(string name = "stash") => Sys.ActorOf(Props.Create(() => new StashingActor(TestActor)), name);

    [Fact]
    public async Task UnstashAll_WithLaterMessagesQueued_ReplaysStashedInOrderBeforeThem()
    {
        var actor = CreateStashing();
        var gate = new Gate();
        actor.Tell(new Block(gate), TestActor);
        await gate.WaitEnteredAsync();

        actor.Tell(1, TestActor);
        actor.Tell(2, TestActor);
        actor.Tell(3, TestActor);
        actor.Tell("open", TestActor);
        actor.Tell(4, TestActor);
        actor.Tell(5, TestActor);
        gate.Open();

        await ExpectMsgAsync("opened");
        for (var i = 1; i <= 5; i++)
        {
            await ExpectMsgAsync(i);
        }

        await ExpectNoMsgAsync();
        Assert.Equal(0, await actor.Ask<int>("count", s_ask));
    }

    [Fact]
    public async Task Unstash_One_ReplaysOnlyTheOldestStashedMessage()
    {
        var actor = CreateStashing();
        actor.Tell(1, TestActor);
        actor.Tell(2, TestActor);
        actor.Tell(3, TestActor);
        Assert.Equal(3, await actor.Ask<int>("count", s_ask));

        actor.Tell("unstash-one", TestActor);

        await ExpectMsgAsync(1);
        await ExpectNoMsgAsync();
        Assert.Equal(2, await actor.Ask<int>("count", s_ask));
        actor.Tell("open", TestActor);
        await ExpectMsgAsync("opened");
        await ExpectMsgAsync(2);
        await ExpectMsgAsync(3);
    }

    [Fact]
    public async Task UnstashAll_WithPredicate_ReplaysOnlyMatchingAndKeepsTheRest()
    {
        var actor = CreateStashing();
        for (var i = 1; i <= 6; i++)
        {
            actor.Tell(i, TestActor);
        }

        actor.Tell("unstash-even", TestActor);

        await ExpectMsgAsync(2);
        await ExpectMsgAsync(4);
        await ExpectMsgAsync(6);
        Assert.Equal(3, await actor.Ask<int>("count", s_ask));
    }

    [Fact]
    public async Task ClearStash_ReturnsStashedMessagesOldestFirstAndEmptiesStash()
    {
        var actor = CreateStashing();
        actor.Tell(1, TestActor);
        actor.Tell(2, TestActor);

        var cleared = await actor.Ask<IReadOnlyList<object>>("clear", s_ask);

        Assert.Equal(new object[] { 1, 2 }, cleared);
        Assert.Equal(0, await actor.Ask<int>("count", s_ask));
        actor.Tell("open", TestActor);
        await ExpectMsgAsync("opened");
        await ExpectNoMsgAsync();
    }

    [Fact]
    public async Task Stash_SameMessageTwice_ThrowsIllegalActorStateExceptionToSupervisor()
    {
        var parent = Sys.ActorOf(
            Props.Create(() => new ReportingParentActor(TestActor, Props.Create(() => new StashingActor(TestActor)), Directive.Resume)),
            "parent");

        parent.Tell("stash-twice", TestActor);

        var ex = await ExpectMsgAsync<IllegalActorStateException>();
        Assert.Contains("twice", ex.Message, StringComparison.Ordinal);

        // Resumed: the first Stash() went through, the second did not.
        Assert.Equal(1, await parent.Ask<int>("count", s_ask));
    }

    [Fact]
    public async Task Restart_WithStashedMessages_UnstashesThemBeforeNewInstanceProcessesMore()
    {
        var actor = CreateStashing();
        var gate = new Gate();
        actor.Tell(new Block(gate), TestActor);
        await gate.WaitEnteredAsync();

        actor.Tell(1, TestActor);
        actor.Tell(2, TestActor);
        actor.Tell(3, TestActor);
        actor.Tell("crash", TestActor);
        actor.Tell(4, TestActor);
        actor.Tell(5, TestActor);
        gate.Open();

        await ExpectMsgAsync("restarted");
        for (var i = 1; i <= 5; i++)
        {
            await ExpectMsgAsync(i);
        }

        await ExpectNoMsgAsync();
    }

    [Fact]
    public async Task Stop_WithStashedMessages_SendsThemToDeadLetters()
    {
        var deadLetters = CreateTestProbe();
        Sys.EventStream.Subscribe(deadLetters.Ref, typeof(DeadLetter));
        var actor = CreateStashing();
        actor.Tell(1, TestActor);
        actor.Tell(2, TestActor);
        actor.Tell(3, TestActor);
        Assert.Equal(3, await actor.Ask<int>("count", s_ask));

        Sys.Stop(actor);

        for (var i = 1; i <= 3; i++)
        {
            var letter = await deadLetters.ExpectMsgAsync<DeadLetter>();
            Assert.Equal(i, letter.Message);
            Assert.Equal(actor, letter.Recipient);
            Assert.Equal(TestActor, letter.Sender);
            Assert.Equal(DeadLetterReason.RecipientStopped, letter.Reason);
        }

        await ExpectNoMsgAsync();
    }
}
