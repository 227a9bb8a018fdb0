using ActorEcho.Actors.Event;
using ActorEcho.Actors.Tests.Infrastructure.Runtime;
using ActorEcho.TestKit;
using Xunit.Abstractions;

namespace ActorEcho.Actors.Tests;

/// <summary>Mailbox semantics: system messages before user messages, bounded capacity, throughput, configuration errors.</summary>
public sealed class MailboxTests(ITestOutputHelper output) : ActorEcho.TestKit.TestKit(
    """
    actorecho.actor.bounded-mailbox.mailbox-capacity = 10
    actorecho.actor.five-dispatcher.throughput = 5
    """,
    output)
{
    private TestProbe SubscribeDeadLetters()
    {
        var probe = CreateTestProbe();
        Sys.EventStream.Subscribe(probe.Ref, typeof(DeadLetter));
        return probe;
    }

    [Fact]
    public async Task SystemStop_WhileUserMessagesQueued_StopsBeforeProcessingThem()
    {
        var deadLetters = SubscribeDeadLetters();
        var actor = Sys.ActorOf(Props.Create(() => new RecorderActor(TestActor)), "recorder");
        await WatchAsync(actor);
        var gate = new Gate();
        actor.Tell(new Block(gate), TestActor);
        await gate.WaitEnteredAsync();

        for (var i = 0; i < 100; i++)
        {
            actor.Tell(i, TestActor);
        }

        Sys.Stop(actor);
        gate.Open();

        // Terminated must be the very next thing: not one of the 100 queued messages may have been processed.
        await ExpectTerminatedAsync(actor);
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
        for (var i = 0; i < 100; i++)
        {
            var expected = i;
            await deadLetters.ExpectMsgAsync<DeadLetter>(
                d => d.Message is int n && n == expected && d.Reason == DeadLetterReason.RecipientStopped && d.Recipient.Equals(actor) && TestActor.Equals(d.Sender),
                hint: "dead letter " + expected);
        }
    }

    [Fact]
    public async Task ContextStopSelf_WhileUserMessagesQueued_PreemptsQueuedMessages()
    {
        var deadLetters = SubscribeDeadLetters();
        var actor = Sys.ActorOf(Props.Create(() => new RecorderActor(TestActor)), "self-stopper");
        await WatchAsync(actor);
        var gate = new Gate();
        actor.Tell(new Block(gate), TestActor);
        await gate.WaitEnteredAsync();

        actor.Tell("stop-self", TestActor);
        for (var i = 0; i < 50; i++)
        {
            actor.Tell(i, TestActor);
        }

        gate.Open();

        await ExpectMsgAsync("stopping");
        await ExpectTerminatedAsync(actor);
        var letters = await deadLetters.ReceiveNAsync(50);
        Assert.Equal(Enumerable.Range(0, 50), letters.Cast<DeadLetter>().Select(d => (int)d.Message));
    }

    [Fact]
    public async Task PoisonPill_WhileUserMessagesQueued_IsProcessedInMailboxOrder()
    {
        var deadLetters = SubscribeDeadLetters();
        var actor = Sys.ActorOf(Props.Create(() => new RecorderActor(TestActor)), "pill");
        await WatchAsync(actor);
        var gate = new Gate();
        actor.Tell(new Block(gate), TestActor);
        await gate.WaitEnteredAsync();

        for (var i = 0; i < 100; i++)
        {
            actor.Tell(i, TestActor);
        }

        actor.Tell(PoisonPill.Instance, TestActor);
        for (var i = 100; i < 105; i++)
        {
            actor.Tell(i, TestActor);
        }

        gate.Open();

        for (var i = 0; i < 100; i++)
        {
            await ExpectMsgAsync(i);
        }

        await ExpectTerminatedAsync(actor);
        var letters = await deadLetters.ReceiveNAsync(5);
        Assert.Equal(Enumerable.Range(100, 5), letters.Cast<DeadLetter>().Select(d => (int)d.Message));
        Assert.All(letters.Cast<DeadLetter>(), d => Assert.Equal(DeadLetterReason.RecipientStopped, d.Reason));
    }

    [Fact]
    public async Task BoundedMailbox_WhenFull_SendsOverflowToDeadLettersAsMailboxFull()
    {
        var deadLetters = SubscribeDeadLetters();
        var actor = Sys.ActorOf(Props.Create(() => new RecorderActor(TestActor)).WithMailbox("bounded-mailbox"), "bounded");
        var gate = new Gate();
        actor.Tell(new Block(gate), TestActor);
        await gate.WaitEnteredAsync();

        for (var i = 0; i < 15; i++)
        {
            actor.Tell(i, TestActor);
        }

        var letters = (await deadLetters.ReceiveNAsync(5)).Cast<DeadLetter>().ToList();
        await deadLetters.ExpectNoMsgAsync();
        Assert.Equal(Enumerable.Range(10, 5), letters.Select(d => (int)d.Message));
        Assert.All(letters, d =>
        {
            Assert.Equal(DeadLetterReason.MailboxFull, d.Reason);
            Assert.Equal(actor, d.Recipient);
            Assert.Equal(TestActor, d.Sender);
        });

        gate.Open();
        for (var i = 0; i < 10; i++)
        {
            await ExpectMsgAsync(i);
        }

        await ExpectNoMsgAsync();
    }

    [Fact]
    public async Task BoundedMailbox_AfterDraining_AcceptsAFullCapacityAgain()
    {
        var deadLetters = SubscribeDeadLetters();
        var actor = Sys.ActorOf(Props.Create(() => new RecorderActor(TestActor)).WithMailbox("bounded-mailbox"), "bounded-again");

        for (var round = 0; round < 3; round++)
        {
            var gate = new Gate();
            actor.Tell(new Block(gate), TestActor);
            await gate.WaitEnteredAsync();
            for (var i = 0; i < 10; i++)
            {
                actor.Tell(i, TestActor);
            }

            gate.Open();
            for (var i = 0; i < 10; i++)
            {
                await ExpectMsgAsync(i);
            }
        }

        await deadLetters.ExpectNoMsgAsync();
    }

    [Fact]
    public async Task DefaultMailbox_ManyQueuedMessages_NoneDropped()
    {
        var deadLetters = SubscribeDeadLetters();
        var actor = Sys.ActorOf(Props.Create(() => new RecorderActor(TestActor)), "unbounded");
        var gate = new Gate();
        actor.Tell(new Block(gate), TestActor);
        await gate.WaitEnteredAsync();
        for (var i = 0; i < 5_000; i++)
        {
            actor.Tell(i, TestActor);
        }

        gate.Open();
        var received = await ReceiveNAsync(5_000);
        Assert.Equal(Enumerable.Range(0, 5_000), received.Cast<int>());
        await deadLetters.ExpectNoMsgAsync();
    }

    [Fact]
    public async Task Throughput_ConfiguredDispatcher_LimitsMessagesPerTurn()
    {
        var actor = Sys.ActorOf(Props.Create(() => new TurnCountingActor()).WithDispatcher("five-dispatcher"), "five");
        var gate = new Gate();
        actor.Tell(new Block(gate), TestActor);
        await gate.WaitEnteredAsync();
        for (var i = 0; i < 50; i++)
        {
            actor.Tell(i, TestActor);
        }

        actor.Tell("report", TestActor);
        gate.Open();

        var turns = (await ExpectMsgAsync<TurnLengths>()).Lengths;

        // The Block message counts against the first turn: 1 + 4, then 9 turns of 5, then the last int (and "report").
        Assert.Equal(new[] { 4, 5, 5, 5, 5, 5, 5, 5, 5, 5, 1 }, turns);
    }

    [Fact]
    public async Task Throughput_DefaultDispatcher_Processes30MessagesPerTurn()
    {
        var actor = Sys.ActorOf(Props.Create(() => new TurnCountingActor()), "thirty");
        var gate = new Gate();
        actor.Tell(new Block(gate), TestActor);
        await gate.WaitEnteredAsync();
        for (var i = 0; i < 100; i++)
        {
            actor.Tell(i, TestActor);
        }

        actor.Tell("report", TestActor);
        gate.Open();

        var turns = (await ExpectMsgAsync<TurnLengths>()).Lengths;
        Assert.Equal(new[] { 29, 30, 30, 11 }, turns);
    }

    [Fact]
    public void ActorOf_UnknownMailbox_ThrowsArgumentExceptionNamingIt()
    {
        var ex = Assert.Throws<ArgumentException>(() => Sys.ActorOf(Props.Create<EchoActor>().WithMailbox("no-such-mailbox"), "m"));
        Assert.Contains("no-such-mailbox", ex.Message, StringComparison.Ordinal);

        // The failed attempt must not have reserved the name.
        Assert.Equal("m", Sys.ActorOf(Props.Create<EchoActor>(), "m").Path.Name);
    }

    [Fact]
    public void ActorOf_UnknownDispatcher_ThrowsArgumentExceptionNamingIt()
    {
        var ex = Assert.Throws<ArgumentException>(() => Sys.ActorOf(Props.Create<EchoActor>().WithDispatcher("no-such-dispatcher"), "d"));
        Assert.Contains("no-such-dispatcher", ex.Message, StringComparison.Ordinal);
        Assert.Equal("d", Sys.ActorOf(Props.Create<EchoActor>(), "d").Path.Name);
    }
}
