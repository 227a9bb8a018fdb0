using Microsoft.Extensions.Logging;

namespace ActorEcho.TestKit.Tests;

public sealed class EventFilterTests : TestKit
{
    /// <summary>
    /// For passing cases whose event comes from a message told to an actor: the class's short leeway is for the failing cases, and
    /// on a loaded machine a freshly started actor may take longer than that to run. The wait ends as soon as the event arrives.
    /// </summary>
    private static readonly TimeSpan DeliveryLeeway = TimeSpan.FromSeconds(5);

    // Failing filters wait the leeway for events that never come: keep it short.
    public EventFilterTests()
        : base("actorecho.test.filter-leeway = 300ms")
    {
    }

    private sealed record Letter(string Text);

    private sealed record Parcel(string Text);

    [Fact]
    public async Task ExpectOneAsync_ExactlyOneMatchingError_Passes()
    {
        var logger = ActorOf(Props.Create(() => new Logging()), "logger");

        await EventFilter.Error(contains: "disk full").ExpectOneAsync(() => LogAsync(logger, LogLevel.Error, "disk full on /var"));
    }

    [Fact]
    public async Task ExpectOneAsync_NoMatchingEvent_FailsWithDescriptionAndCount()
    {
        var logger = ActorOf(Props.Create(() => new Logging()), "logger");

        var ex = await Assert.ThrowsAsync<TestKitAssertionException>(() =>
            EventFilter.Error(contains: "disk full").ExpectOneAsync(() => LogAsync(logger, LogLevel.Error, "all good")));

        Assert.Contains(
            $"Expected 1 event(s) matching level Error, message containing 'disk full' within {FailureText.Ms(Dilated(TimeSpan.FromMilliseconds(300)))}, but got 0.",
            ex.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExpectOneAsync_TwoMatchingEvents_FailsSayingTwoArrived()
    {
        var logger = ActorOf(Props.Create(() => new Logging()), "logger");

        var ex = await Assert.ThrowsAsync<TestKitAssertionException>(() =>
            EventFilter.Error(contains: "retry").ExpectOneAsync(async () =>
            {
                await LogAsync(logger, LogLevel.Error, "retry 1");
                await LogAsync(logger, LogLevel.Error, "retry 2");
            }));

        Assert.Contains("Expected 1 event(s) matching level Error, message containing 'retry', but got 2.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExpectOneAsync_SynchronousAction_CountsEventsItCauses()
    {
        var logger = ActorOf(Props.Create(() => new Logging()), "logger");

        await LogAsync(logger, LogLevel.Debug, "started"); // the logger runs before the timed part: only the told message is timed

        await EventFilter.Warning(message: "low memory").ExpectOneAsync(() => logger.Tell(new LogRequest(LogLevel.Warning, "low memory"), null));
    }

    [Fact]
    public async Task ExpectAsync_ExactCount_Passes()
    {
        var logger = ActorOf(Props.Create(() => new Logging()), "logger");

        await EventFilter.Info(contains: "tick").ExpectAsync(3, async () =>
        {
            for (var i = 0; i < 3; i++)
            {
                await LogAsync(logger, LogLevel.Information, $"tick {i}");
            }
        });
    }

    [Fact]
    public async Task ExpectAsync_ZeroExpectedButOneLogged_Fails()
    {
        var logger = ActorOf(Props.Create(() => new Logging()), "logger");

        var ex = await Assert.ThrowsAsync<TestKitAssertionException>(() =>
            EventFilter.Error().ExpectAsync(0, () => LogAsync(logger, LogLevel.Error, "oops")));

        Assert.Contains("Expected 0 event(s) matching level Error, but got 1.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExpectAsync_ZeroExpectedAndNoneLogged_Passes()
    {
        var logger = ActorOf(Props.Create(() => new Logging()), "logger");

        await EventFilter.Error().ExpectAsync(0, () => LogAsync(logger, LogLevel.Information, "fine"));
    }

    [Fact]
    public async Task Exception_ActorThrows_MatchesSupervisorLogWithException()
    {
        var failing = ActorOf(Props.Create(() => new Logging()), "failing");

        await EventFilter.Exception<InvalidOperationException>(contains: "kaboom").ExpectAsync(1, () => Tell(() => failing.Tell(new Fail("kaboom"), null)), DeliveryLeeway);
    }

    [Fact]
    public async Task Exception_DerivedExceptionType_MatchesBaseFilter()
    {
        var failing = ActorOf(Props.Create(() => new Logging()), "failing");

        await EventFilter.Exception<Exception>(contains: "kaboom").ExpectAsync(1, () => Tell(() => failing.Tell(new Fail("kaboom"), null)), DeliveryLeeway);
    }

    [Fact]
    public async Task Exception_OtherExceptionType_FailsWithZero()
    {
        var failing = ActorOf(Props.Create(() => new Logging()), "failing");

        var ex = await Assert.ThrowsAsync<TestKitAssertionException>(() =>
            EventFilter.Exception<ArgumentException>().ExpectOneAsync(() => failing.Tell(new Fail("kaboom"), null)));

        Assert.Contains("matching exception ArgumentException", ex.Message, StringComparison.Ordinal);
        Assert.Contains("but got 0", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Error_CriticalEntry_Matches()
    {
        var logger = ActorOf(Props.Create(() => new Logging()), "logger");

        await EventFilter.Error(message: "meltdown").ExpectOneAsync(() => LogAsync(logger, LogLevel.Critical, "meltdown"));
    }

    [Fact]
    public async Task Warning_ErrorEntry_DoesNotMatch()
    {
        var logger = ActorOf(Props.Create(() => new Logging()), "logger");

        var ex = await Assert.ThrowsAsync<TestKitAssertionException>(() =>
            EventFilter.Warning(contains: "careful").ExpectOneAsync(() => LogAsync(logger, LogLevel.Error, "careful now")));

        Assert.Contains("level Warning, message containing 'careful'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Info_ExactMessage_MatchesOnlyTheWholeText()
    {
        var logger = ActorOf(Props.Create(() => new Logging()), "logger");

        await EventFilter.Info(message: "hello world").ExpectOneAsync(async () =>
        {
            await LogAsync(logger, LogLevel.Information, "hello world");
            await LogAsync(logger, LogLevel.Information, "hello world, again");
        });
    }

    [Fact]
    public async Task Info_ExactMessageIsOnlyAPart_FailsWithZero()
    {
        var logger = ActorOf(Props.Create(() => new Logging()), "logger");

        var ex = await Assert.ThrowsAsync<TestKitAssertionException>(() =>
            EventFilter.Info(message: "hello").ExpectOneAsync(() => LogAsync(logger, LogLevel.Information, "hello world")));

        Assert.Contains("message 'hello'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("but got 0", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Info_Source_MatchesOnlyTheLoggingActor()
    {
        var alice = ActorOf(Props.Create(() => new Logging()), "alice");
        var bob = ActorOf(Props.Create(() => new Logging()), "bob");

        await EventFilter.Info(contains: "status", source: "/user/alice").ExpectOneAsync(async () =>
        {
            await LogAsync(alice, LogLevel.Information, "status ok");
            await LogAsync(bob, LogLevel.Information, "status ok");
        });
    }

    [Fact]
    public async Task Info_SourceOfAnotherActor_FailsNamingSource()
    {
        var bob = ActorOf(Props.Create(() => new Logging()), "bob");

        var ex = await Assert.ThrowsAsync<TestKitAssertionException>(() =>
            EventFilter.Info(source: "/user/alice").ExpectOneAsync(() => LogAsync(bob, LogLevel.Information, "status ok")));

        Assert.Contains("source containing '/user/alice'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Debug_DebugEntry_Matches()
    {
        var logger = ActorOf(Props.Create(() => new Logging()), "logger");

        await EventFilter.Debug(contains: "details").ExpectOneAsync(() => LogAsync(logger, LogLevel.Debug, "some details"));
    }

    [Fact]
    public async Task DeadLetter_MessageToDeadLetters_Matches()
    {
        await EventFilter.DeadLetter<Letter>().ExpectAsync(1, () => Tell(() => Sys.DeadLetters.Tell(new Letter("lost"), TestActor)), DeliveryLeeway);
    }

    [Fact]
    public async Task DeadLetter_MessageToStoppedActor_Matches()
    {
        var actor = ActorOf(Props.Create(() => new Logging()), "gone");
        await WatchAsync(actor);
        Sys.Stop(actor);
        await ExpectTerminatedAsync(actor);

        await EventFilter.DeadLetter<Letter>().ExpectAsync(1, () => Tell(() => actor.Tell(new Letter("too late"), TestActor)), DeliveryLeeway);
    }

    [Fact]
    public async Task DeadLetter_OtherMessageType_FailsNamingExpectedType()
    {
        var ex = await Assert.ThrowsAsync<TestKitAssertionException>(() =>
            EventFilter.DeadLetter<Letter>().ExpectOneAsync(() => Sys.DeadLetters.Tell(new Parcel("box"), TestActor)));

        Assert.Contains("Expected 1 event(s) matching dead letter of Letter", ex.Message, StringComparison.Ordinal);
        Assert.Contains("but got 0", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExpectOneAsync_AfterwardsEvents_AreNoLongerCollected()
    {
        var logger = ActorOf(Props.Create(() => new Logging()), "logger");
        await EventFilter.Error().ExpectOneAsync(() => LogAsync(logger, LogLevel.Error, "first"));

        await LogAsync(logger, LogLevel.Error, "outside any filter");

        await EventFilter.Error().ExpectOneAsync(() => LogAsync(logger, LogLevel.Error, "second"));
    }

    private async Task LogAsync(IActorRef logger, LogLevel level, string text)
    {
        logger.Tell(new LogRequest(level, text), TestActor);
        await ExpectMsgAsync<Logged>();
    }

    private sealed record LogRequest(LogLevel Level, string Text);

    private sealed record Logged;

    private sealed record Fail(string Reason);

    private sealed class Logging : ReceiveActor
    {
        public Logging()
        {
            var log = Context.GetLogger();
            Receive<LogRequest>(r =>
            {
#pragma warning disable CA2254 // the test logs caller-chosen text on purpose
                log.Log(r.Level, r.Text);
#pragma warning restore CA2254
                Sender.Tell(new Logged(), Self);
            });
            Receive<Fail>(f => throw new InvalidOperationException(f.Reason));
        }
    }

    private static Task Tell(Action tell)
    {
        tell();
        return Task.CompletedTask;
    }
}
