namespace ActorEcho.TestKit.Tests;

public sealed class ExpectMsgAllOfTests : TestKit
{
    private static readonly TimeSpan Short = TimeSpan.FromMilliseconds(150);

    [Fact]
    public async Task ExpectMsgAllOfAsync_AnyOrder_ReturnsThemInArrivalOrder()
    {
        TestActor.Tell(3, null);
        TestActor.Tell(1, null);
        TestActor.Tell(2, null);

        var received = await ExpectMsgAllOfAsync(new[] { 1, 2, 3 });

        Assert.Equal(new[] { 3, 1, 2 }, received);
    }

    [Fact]
    public async Task ExpectMsgAllOfAsync_Duplicates_NeedEachOccurrence()
    {
        TestActor.Tell("a", null);
        TestActor.Tell("a", null);

        var received = await ExpectMsgAllOfAsync(new[] { "a", "a" });

        Assert.Equal(2, received.Count);
    }

    [Fact]
    public async Task ExpectMsgAllOfAsync_OneMissing_FailsNamingItAndCount()
    {
        TestActor.Tell(1, null);
        TestActor.Tell(2, null);
        await this.QueuedAsync(2);

        var ex = await Assert.ThrowsAsync<TestKitAssertionException>(() => ExpectMsgAllOfAsync(new[] { 1, 2, 3 }, Short));

        Assert.Contains($"Expected all of [<Int32: 3>] within {FailureText.Ms(Dilated(Short))}, but they did not arrive (got 2 of them)", ex.Message, StringComparison.Ordinal);
        Assert.True(FailureText.AfterMs(ex.Message) >= Dilated(Short).TotalMilliseconds - 20, ex.Message);
    }

    [Fact]
    public async Task ExpectMsgAllOfAsync_UnexpectedMessage_FailsShowingStillMissingAndReceived()
    {
        TestActor.Tell(1, null);
        TestActor.Tell(9, null);
        await this.QueuedAsync(2);

        var ex = await Assert.ThrowsAsync<TestKitAssertionException>(() => ExpectMsgAllOfAsync(new[] { 1, 2 }, Short));

        Assert.Contains("Expected one of [<Int32: 2>], but received <Int32: 9>", ex.Message, StringComparison.Ordinal);
        FailureText.AfterMs(ex.Message);
    }

    [Fact]
    public async Task ExpectMsgAllOfAsync_Empty_PassesWithoutWaiting()
    {
        var received = await ExpectMsgAllOfAsync(Array.Empty<int>(), TimeSpan.FromSeconds(5));

        Assert.Empty(received);
    }
}
