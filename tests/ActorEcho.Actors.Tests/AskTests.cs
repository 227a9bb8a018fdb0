using System.Diagnostics;
using ActorEcho.Actors.Tests.Infrastructure.Runtime;
using Xunit.Abstractions;

namespace ActorEcho.Actors.Tests;

/// <summary>Ask: replies, failures, timeouts (explicit and configured), dead targets, wrong types, cancellation.</summary>
public sealed class AskTests(ITestOutputHelper output) : ActorEcho.TestKit.TestKit("actorecho.actor.ask-timeout = 200ms", output)
{
    private static readonly TimeSpan s_long = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan s_noHang = TimeSpan.FromSeconds(2);

    private IActorRef Answering(string name = "answering") => Sys.ActorOf(Props.Create(() => new AnsweringActor(TestActor)), name);

    [Fact]
    public async Task Ask_TargetReplies_ReturnsReply()
    {
        var actor = Answering();

        var reply = await actor.Ask<string>("hello", s_long).WaitAsync(s_noHang);

        Assert.Equal("hello", reply);
    }

    [Fact]
    public async Task Ask_ReplyIsStatusFailure_FaultsWithItsCause()
    {
        var actor = Answering();

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => actor.Ask<string>("fail", s_long).WaitAsync(s_noHang));

        Assert.Equal("nope", ex.Message);
    }

    [Fact]
    public async Task Ask_NoReplyWithinTimeout_ThrowsAskTimeoutExceptionNamingTargetAndTimeout()
    {
        var actor = Sys.ActorOf(Props.Create<BlackHoleActor>(), "silent");
        var started = Stopwatch.GetTimestamp();

        var ex = await Assert.ThrowsAsync<AskTimeoutException>(() => actor.Ask<string>("anyone?", TimeSpan.FromMilliseconds(150)).WaitAsync(s_noHang));

        Assert.True(Stopwatch.GetElapsedTime(started) >= TimeSpan.FromMilliseconds(140), "timed out too early");
        Assert.Contains(actor.Path.ToString(), ex.Message, StringComparison.Ordinal);
        Assert.Contains("150 ms", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_NoTimeoutGiven_UsesConfiguredAskTimeout()
    {
        var actor = Sys.ActorOf(Props.Create<BlackHoleActor>(), "silent");
        var started = Stopwatch.GetTimestamp();

        var ex = await Assert.ThrowsAsync<AskTimeoutException>(() => actor.Ask<string>("anyone?").WaitAsync(s_noHang));

        var elapsed = Stopwatch.GetElapsedTime(started);
        Assert.True(elapsed >= TimeSpan.FromMilliseconds(190), "timed out after " + elapsed);
        Assert.Contains("200 ms", ex.Message, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromMilliseconds(200), Sys.Settings.AskTimeout);
    }

    [Fact]
    public async Task Ask_TargetAlreadyDead_FailsFastWithAskTimeoutException()
    {
        var actor = Answering();
        await WatchAsync(actor);
        Sys.Stop(actor);
        await ExpectTerminatedAsync(actor);
        var started = Stopwatch.GetTimestamp();

        var ex = await Assert.ThrowsAsync<AskTimeoutException>(() => actor.Ask<string>("hello", s_long).WaitAsync(s_noHang));

        Assert.True(Stopwatch.GetElapsedTime(started) < TimeSpan.FromMilliseconds(150), "a dead target must fail the ask at once");
        Assert.Contains(actor.Path.ToString(), ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_TargetStopsBeforeReplying_ThrowsAskTimeoutException()
    {
        var actor = Answering();

        var ex = await Assert.ThrowsAsync<AskTimeoutException>(() => actor.Ask<string>("stop", s_long).WaitAsync(s_noHang));

        Assert.Contains(actor.Path.ToString(), ex.Message, StringComparison.Ordinal);
        Assert.Contains("terminated", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_Nobody_FailsFastWithAskTimeoutException()
    {
        await Assert.ThrowsAsync<AskTimeoutException>(() => ActorRefs.Nobody.Ask<string>("hello", s_long).WaitAsync(s_noHang));
    }

    [Fact]
    public async Task Ask_ReplyOfWrongType_ThrowsInvalidCastException()
    {
        var actor = Answering();

        var ex = await Assert.ThrowsAsync<InvalidCastException>(() => actor.Ask<int>("not a number", s_long).WaitAsync(s_noHang));

        Assert.Contains("Int32", ex.Message, StringComparison.Ordinal);
        Assert.Contains("String", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_TokenCancelled_CancelsTask()
    {
        var actor = Sys.ActorOf(Props.Create<BlackHoleActor>(), "silent");
        using var cts = new CancellationTokenSource();

        var ask = actor.Ask<string>("anyone?", s_long, cts.Token);
        Assert.False(ask.IsCompleted);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ask.WaitAsync(s_noHang));
        Assert.True(ask.IsCanceled);
    }

    [Fact]
    public async Task Ask_TokenAlreadyCancelled_CancelsTaskAtOnce()
    {
        var actor = Sys.ActorOf(Props.Create<BlackHoleActor>(), "silent");

        var ask = actor.Ask<string>("anyone?", s_long, new CancellationToken(canceled: true));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ask.WaitAsync(s_noHang));
    }

    [Fact]
    public async Task Ask_WithMessageFactory_ReplyAddressIsATemporaryActor()
    {
        var actor = Answering();

        var reply = await actor.Ask<string>(replyTo => new ReplyRequest(replyTo, "via factory"), s_long).WaitAsync(s_noHang);

        Assert.Equal("via factory", reply);
        var replyPath = await ExpectMsgAsync<ActorPath>();
        Assert.StartsWith($"actorecho://{Sys.Name}/temp/", replyPath.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Ask_NullMessage_ThrowsInvalidMessageException()
    {
        var actor = Answering();

        Assert.Throws<InvalidMessageException>(() => { _ = actor.Ask<string>((object)null!, s_long); });
    }

    [Fact]
    public void Ask_NonPositiveTimeout_ThrowsArgumentOutOfRangeException()
    {
        var actor = Answering();

        Assert.Throws<ArgumentOutOfRangeException>(() => { _ = actor.Ask<string>("hello", TimeSpan.Zero); });
    }

    [Fact]
    public async Task Ask_ReplyingNullToAskReplyAddress_ThrowsInvalidMessageException()
    {
        // IActorRef.Tell documents InvalidMessageException for a null message; the ask's reply address is an IActorRef too.
        var actor = Answering();

        _ = actor.Ask<string>("reply-null", TimeSpan.FromSeconds(1));

        var ex = await ExpectMsgAsync<Exception>();
        Assert.IsType<InvalidMessageException>(ex);
    }
}
