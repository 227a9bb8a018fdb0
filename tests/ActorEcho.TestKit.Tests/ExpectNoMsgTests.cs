using System.Diagnostics;

namespace ActorEcho.TestKit.Tests;

public sealed class ExpectNoMsgTests : TestKit
{
    private static readonly TimeSpan Short = TimeSpan.FromMilliseconds(150);

    [Fact]
    public async Task ExpectNoMsgAsync_Silence_PassesAfterWaitingTheDuration()
    {
        var watch = Stopwatch.StartNew();

        await ExpectNoMsgAsync(Short);

        Assert.True(watch.Elapsed >= Dilated(Short) - TimeSpan.FromMilliseconds(20), $"returned after {watch.Elapsed}");
    }

    [Fact]
    public async Task ExpectNoMsgAsync_NoDuration_WaitsTheConfiguredDefault()
    {
        var watch = Stopwatch.StartNew();

        await ExpectNoMsgAsync();

        Assert.True(watch.Elapsed >= Dilated(TestKitSettings.ExpectNoMessageDefault) - TimeSpan.FromMilliseconds(20), $"returned after {watch.Elapsed}");
    }

    [Fact]
    public async Task ExpectNoMsgAsync_MessageAlreadyQueued_FailsShowingIt()
    {
        TestActor.Tell("surprise", TestActor);
        await this.QueuedAsync(1);

        var ex = await Assert.ThrowsAsync<TestKitAssertionException>(() => ExpectNoMsgAsync(Short));

        Assert.Contains($"Expected no message for {FailureText.Ms(Dilated(Short))}, but received <String: surprise> from {TestActor.Path}", ex.Message, StringComparison.Ordinal);
        FailureText.AfterMs(ex.Message);
    }

    [Fact]
    public async Task ExpectNoMsgAsync_MessageArrivesDuringTheWait_Fails()
    {
        var probe = CreateTestProbe();
        var echo = ActorOf(Props.Create(() => new Echo()));

        var waiting = probe.ExpectNoMsgAsync(TimeSpan.FromSeconds(3));
        echo.Tell("late", probe.Ref);

        var ex = await Assert.ThrowsAsync<TestKitAssertionException>(() => waiting);
        Assert.Contains("but received <String: late> from " + echo.Path, ex.Message, StringComparison.Ordinal);
        Assert.True(FailureText.AfterMs(ex.Message) < 3000, ex.Message);
    }

    [Fact]
    public async Task ExpectNoMsgAsync_AfterSilence_LaterMessageIsStillReceived()
    {
        await ExpectNoMsgAsync(Short);
        TestActor.Tell("after", null);

        Assert.Equal("after", await ExpectMsgAsync<string>());
    }

    private sealed class Echo : ActorBase
    {
        protected override bool Receive(object message)
        {
            Sender.Tell(message, Self);
            return true;
        }
    }
}
