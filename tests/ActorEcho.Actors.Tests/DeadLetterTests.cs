using ActorEcho.Actors.Event;
using ActorEcho.Actors.Tests.Infrastructure.Runtime;
using ActorEcho.TestKit;
using Xunit.Abstractions;

namespace ActorEcho.Actors.Tests;

/// <summary>Dead letters: what is published, and the log-the-first-of-each-type policy.</summary>
public sealed class DeadLetterTests(ITestOutputHelper output) : ActorEcho.TestKit.TestKit(output: output)
{
    private TestProbe SubscribeDeadLetters()
    {
        var probe = CreateTestProbe();
        Sys.EventStream.Subscribe(probe.Ref, typeof(DeadLetter));
        return probe;
    }

    private async Task<IActorRef> StoppedActorAsync(string name = "gone")
    {
        var actor = Sys.ActorOf(Props.Create<BlackHoleActor>(), name);
        await WatchAsync(actor);
        Sys.Stop(actor);
        await ExpectTerminatedAsync(actor);
        return actor;
    }

    [Fact]
    public async Task Tell_StoppedActor_PublishesDeadLetterWithSenderRecipientAndReason()
    {
        var actor = await StoppedActorAsync();
        var deadLetters = SubscribeDeadLetters();
        var sender = CreateTestProbe();

        actor.Tell(new LostParcel(1), sender.Ref);

        var letter = await deadLetters.ExpectMsgAsync<DeadLetter>();
        Assert.Equal(new LostParcel(1), letter.Message);
        Assert.Equal(sender.Ref, letter.Sender);
        Assert.Equal(actor, letter.Recipient);
        Assert.Equal(DeadLetterReason.RecipientStopped, letter.Reason);
        await deadLetters.ExpectNoMsgAsync();
    }

    [Fact]
    public async Task Tell_StoppedActorWithoutSender_PublishesDeadLetterWithNoSender()
    {
        var actor = await StoppedActorAsync();
        var deadLetters = SubscribeDeadLetters();

        actor.Tell(new LostParcel(2), null);

        var letter = await deadLetters.ExpectMsgAsync<DeadLetter>();
        Assert.Null(letter.Sender);
        Assert.Equal(actor, letter.Recipient);
    }

    [Fact]
    public async Task Tell_DeadLettersDirectly_PublishesNoRecipientDeadLetter()
    {
        var deadLetters = SubscribeDeadLetters();

        Sys.DeadLetters.Tell(new LostParcel(3), TestActor);

        var letter = await deadLetters.ExpectMsgAsync<DeadLetter>();
        Assert.Equal(new LostParcel(3), letter.Message);
        Assert.Equal(DeadLetterReason.NoRecipient, letter.Reason);
        Assert.Equal(TestActor, letter.Sender);
        Assert.Equal(Sys.DeadLetters, letter.Recipient);
    }

    [Fact]
    public async Task DeadLetters_ThreeOfSameType_LogsOnlyTheFirst()
    {
        var actor = await StoppedActorAsync();

        await EventFilter.Info(contains: "Message [LostLetter]").ExpectAsync(1, () =>
        {
            actor.Tell(new LostLetter(1), TestActor);
            actor.Tell(new LostLetter(2), TestActor);
            actor.Tell(new LostLetter(3), TestActor);
            return Task.CompletedTask;
        });
    }

    [Fact]
    public async Task DeadLetters_ThreeOfSameType_LogEntryNamesSenderRecipientAndReason()
    {
        var actor = await StoppedActorAsync();

        await EventFilter.Info(contains: $"Message [LostPostcard] from {TestActor.Path} to {actor.Path} was not delivered (RecipientStopped)").ExpectAsync(1, () =>
        {
            for (var i = 0; i < 3; i++)
            {
                actor.Tell(new LostPostcard(i), TestActor);
            }

            return Task.CompletedTask;
        });
    }

    [Fact]
    public async Task DeadLetters_SameTypeRepeatedThenMarker_ExactlyOneLogEntryPerType()
    {
        // Deterministic variant of the log-once check: every log event is published synchronously by Tell, so once the
        // marker's entry arrives, every entry the three LostLetters could have produced has arrived before it.
        var actor = await StoppedActorAsync();
        var logs = CreateTestProbe();
        Sys.EventStream.Subscribe(logs.Ref, typeof(LogEvent));

        for (var i = 0; i < 3; i++)
        {
            actor.Tell(new LostLetter(i), TestActor);
        }

        actor.Tell(new LostMarker(), TestActor);

        var entries = new List<string>();
        while (true)
        {
            var log = await logs.ExpectMsgAsync<LogEvent>();
            if (log.Message.Contains("Message [LostMarker]", StringComparison.Ordinal))
            {
                break;
            }

            entries.Add(log.Message);
        }

        Assert.Single(entries, e => e.Contains("Message [LostLetter]", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DeadLetters_TwoTypes_EachTypeLoggedOnce()
    {
        var actor = await StoppedActorAsync();

        await EventFilter.Info(contains: "was not delivered").ExpectAsync(2, () =>
        {
            actor.Tell(new LostParcel(1), TestActor);
            actor.Tell(new LostPostcard(1), TestActor);
            actor.Tell(new LostParcel(2), TestActor);
            actor.Tell(new LostPostcard(2), TestActor);
            return Task.CompletedTask;
        });
    }

    [Fact]
    public async Task DeadLetters_SuppressedMessage_IsPublishedButNotLogged()
    {
        var actor = await StoppedActorAsync();
        var deadLetters = SubscribeDeadLetters();

        await EventFilter.Info(contains: "was not delivered").ExpectAsync(0, () =>
        {
            actor.Tell(new QuietLoss(1), TestActor);
            return Task.CompletedTask;
        });

        var letter = await deadLetters.ExpectMsgAsync<DeadLetter>();
        Assert.Equal(new QuietLoss(1), letter.Message);
    }
}
