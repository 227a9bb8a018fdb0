namespace ActorEcho.TestKit.Tests;

public sealed class FishForMessageTests : TestKit
{
    private static readonly TimeSpan Short = TimeSpan.FromMilliseconds(150);

    [Fact]
    public async Task FishForMessageAsync_OthersBeforeMatch_SkipsThemAndReturnsMatch()
    {
        TestActor.Tell("noise", null);
        TestActor.Tell(1, null);
        TestActor.Tell(42, null);
        TestActor.Tell("after", null);

        var fished = await FishForMessageAsync<int>(i => i > 10);

        Assert.Equal(42, fished);
        Assert.Equal("after", await ExpectMsgAsync<string>());
    }

    [Fact]
    public async Task FishForMessageAsync_NoneMatches_FailsWithSkippedCountAndDuration()
    {
        TestActor.Tell("noise", null);
        TestActor.Tell(1, null);
        await this.QueuedAsync(2);

        var ex = await Assert.ThrowsAsync<TestKitAssertionException>(() => FishForMessageAsync<int>(i => i > 10, Short, hint: "a big number"));

        Assert.Contains($"Fished for a Int32 (a big number) for {FailureText.Ms(Dilated(Short))} and skipped 2 other message(s), but none matched.", ex.Message, StringComparison.Ordinal);
        Assert.True(FailureText.AfterMs(ex.Message) >= Dilated(Short).TotalMilliseconds - 20, ex.Message);
    }

    [Fact]
    public async Task FishForMessageAsync_NothingAtAll_FailsSkippingZero()
    {
        var ex = await Assert.ThrowsAsync<TestKitAssertionException>(() => FishForMessageAsync<string>(_ => true, Short));

        Assert.Contains("skipped 0 other message(s), but none matched", ex.Message, StringComparison.Ordinal);
    }
}
