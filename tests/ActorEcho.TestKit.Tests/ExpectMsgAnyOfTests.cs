namespace ActorEcho.TestKit.Tests;

public sealed class ExpectMsgAnyOfTests : TestKit
{
    private static readonly TimeSpan Short = TimeSpan.FromMilliseconds(150);

    [Fact]
    public async Task ExpectMsgAnyOfAsync_OneOfTheCandidates_ReturnsIt()
    {
        TestActor.Tell("b", null);

        var received = await ExpectMsgAnyOfAsync(new[] { "a", "b", "c" });

        Assert.Equal("b", received);
    }

    [Fact]
    public async Task ExpectMsgAnyOfAsync_OtherMessage_FailsListingCandidatesAndReceived()
    {
        TestActor.Tell("z", null);
        await this.QueuedAsync(1);

        var ex = await Assert.ThrowsAsync<TestKitAssertionException>(() => ExpectMsgAnyOfAsync(new[] { "a", "b" }, Short));

        Assert.Contains("Expected any of [<String: a>, <String: b>], but received <String: z>", ex.Message, StringComparison.Ordinal);
        FailureText.AfterMs(ex.Message);
    }

    [Fact]
    public async Task ExpectMsgAnyOfAsync_NothingArrives_FailsAfterTimeout()
    {
        var ex = await Assert.ThrowsAsync<TestKitAssertionException>(() => ExpectMsgAnyOfAsync(new[] { 1, 2 }, Short));

        Assert.Contains($"Expected any of [<Int32: 1>, <Int32: 2>] within {FailureText.Ms(Dilated(Short))}, but no message arrived", ex.Message, StringComparison.Ordinal);
        Assert.True(FailureText.AfterMs(ex.Message) >= Dilated(Short).TotalMilliseconds - 20, ex.Message);
    }

    [Fact]
    public async Task ExpectMsgAnyOfAsync_TakesOnlyOneMessage_NextStaysQueued()
    {
        TestActor.Tell(1, null);
        TestActor.Tell(2, null);

        Assert.Equal(1, await ExpectMsgAnyOfAsync(new[] { 1, 2 }));
        Assert.Equal(2, await ExpectMsgAsync<int>());
    }
}
