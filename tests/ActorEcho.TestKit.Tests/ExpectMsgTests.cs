namespace ActorEcho.TestKit.Tests;

public sealed class ExpectMsgTests : TestKit
{
    private static readonly TimeSpan Short = TimeSpan.FromMilliseconds(150);

    private sealed record Order(int Id, string Item);

    [Fact]
    public async Task ExpectMsgAsync_MessageOfExpectedType_ReturnsIt()
    {
        TestActor.Tell(new Order(1, "tea"), null);

        var order = await ExpectMsgAsync<Order>();

        Assert.Equal(new Order(1, "tea"), order);
    }

    [Fact]
    public async Task ExpectMsgAsync_BaseTypeOfMessage_ReturnsIt()
    {
        TestActor.Tell(new ArgumentException("bad"), null);

        var exception = await ExpectMsgAsync<Exception>();

        Assert.IsType<ArgumentException>(exception);
    }

    [Fact]
    public async Task ExpectMsgAsync_WrongType_FailsNamingExpectedTypeAndWhatArrived()
    {
        TestActor.Tell("not an order", null);
        await this.QueuedAsync(1);

        var ex = await Assert.ThrowsAsync<TestKitAssertionException>(() => ExpectMsgAsync<Order>(Short));

        Assert.Contains("Expected a message of type Order", ex.Message, StringComparison.Ordinal);
        Assert.Contains("but received <String: not an order>", ex.Message, StringComparison.Ordinal);
        Assert.Contains("from " + Sys.DeadLetters.Path, ex.Message, StringComparison.Ordinal);
        Assert.True(FailureText.AfterMs(ex.Message) < 1000, ex.Message);
    }

    [Fact]
    public async Task ExpectMsgAsync_NothingArrives_FailsAfterTimeoutSayingNoMessageArrived()
    {
        var ex = await Assert.ThrowsAsync<TestKitAssertionException>(() => ExpectMsgAsync<Order>(Short));

        Assert.Contains($"Expected a message of type Order within {FailureText.Ms(Dilated(Short))}, but no message arrived.", ex.Message, StringComparison.Ordinal);
        Assert.InRange(FailureText.AfterMs(ex.Message), (int)Dilated(Short).TotalMilliseconds - 20, 5000);
    }

    [Fact]
    public async Task ExpectMsgAsync_Hint_AppearsInFailureMessage()
    {
        var ex = await Assert.ThrowsAsync<TestKitAssertionException>(() => ExpectMsgAsync<Order>(Short, hint: "the confirmed order"));

        Assert.Contains("Order (the confirmed order) within", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExpectMsgAsync_PredicateMatches_ReturnsMessage()
    {
        TestActor.Tell(new Order(7, "coffee"), null);

        var order = await ExpectMsgAsync<Order>(o => o.Id == 7 && o.Item == "coffee");

        Assert.Equal(7, order.Id);
    }

    [Fact]
    public async Task ExpectMsgAsync_PredicateDoesNotMatch_FailsShowingTheMessage()
    {
        TestActor.Tell(new Order(8, "coffee"), null);
        await this.QueuedAsync(1);

        var ex = await Assert.ThrowsAsync<TestKitAssertionException>(() => ExpectMsgAsync<Order>(o => o.Id == 7, Short));

        Assert.Contains("Expected a message of type Order matching the predicate", ex.Message, StringComparison.Ordinal);
        Assert.Contains("but received <Order: Order { Id = 8, Item = coffee }>", ex.Message, StringComparison.Ordinal);
        FailureText.AfterMs(ex.Message);
    }

    [Fact]
    public async Task ExpectMsgAsync_PredicateOnWrongType_FailsWithoutCallingPredicate()
    {
        var called = false;
        TestActor.Tell(42, null);
        await this.QueuedAsync(1);

        var ex = await Assert.ThrowsAsync<TestKitAssertionException>(() => ExpectMsgAsync<Order>(_ => called = true, Short));

        Assert.False(called);
        Assert.Contains("but received <Int32: 42>", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExpectMsgAsync_EqualMessage_ReturnsIt()
    {
        TestActor.Tell(new Order(3, "milk"), null);

        var order = await ExpectMsgAsync(new Order(3, "milk"));

        Assert.Equal("milk", order.Item);
    }

    [Fact]
    public async Task ExpectMsgAsync_DifferentValue_FailsShowingExpectedAndReceived()
    {
        TestActor.Tell("world", TestActor);
        await this.QueuedAsync(1);

        var ex = await Assert.ThrowsAsync<TestKitAssertionException>(() => ExpectMsgAsync("hello", Short));

        Assert.Contains("Expected <String: hello>, but received <String: world> from " + TestActor.Path, ex.Message, StringComparison.Ordinal);
        FailureText.AfterMs(ex.Message);
    }

    [Fact]
    public async Task ExpectMsgAsync_EqualityNothingArrives_FailsAfterTimeout()
    {
        var ex = await Assert.ThrowsAsync<TestKitAssertionException>(() => ExpectMsgAsync(42, Short, hint: "the answer"));

        Assert.Contains($"Expected <Int32: 42> (the answer) within {FailureText.Ms(Dilated(Short))}, but no message arrived.", ex.Message, StringComparison.Ordinal);
        Assert.True(FailureText.AfterMs(ex.Message) >= Dilated(Short).TotalMilliseconds - 20, ex.Message);
    }

    [Fact]
    public async Task ExpectMsgAsync_SeveralMessages_TakesThemInArrivalOrder()
    {
        TestActor.Tell(1, null);
        TestActor.Tell(2, null);

        Assert.Equal(1, await ExpectMsgAsync<int>());
        Assert.Equal(2, await ExpectMsgAsync<int>());
    }

    [Fact]
    public async Task ExpectMsgAsync_CancelledToken_ThrowsOperationCanceled()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ExpectMsgAsync<int>(TimeSpan.FromSeconds(10), cancellationToken: cts.Token));
    }

    [Fact]
    public async Task ExpectMsgFromAsync_RightSender_ReturnsMessage()
    {
        var probe = CreateTestProbe();
        probe.Send(TestActor, "hi");

        var message = await ExpectMsgFromAsync<string>(probe.Ref);

        Assert.Equal("hi", message);
        Assert.Equal(probe.Ref, LastSender);
    }

    [Fact]
    public async Task ExpectMsgFromAsync_OtherSender_FailsNamingBothSenders()
    {
        var expected = CreateTestProbe("expected-sender");
        var actual = CreateTestProbe("actual-sender");
        actual.Send(TestActor, "hi");
        await this.QueuedAsync(1);

        var ex = await Assert.ThrowsAsync<TestKitAssertionException>(() => ExpectMsgFromAsync<string>(expected.Ref, Short));

        Assert.Contains($"Expected String from {expected.Ref.Path}, but it came from {actual.Ref.Path}", ex.Message, StringComparison.Ordinal);
        FailureText.AfterMs(ex.Message);
    }

    [Fact]
    public async Task ExpectMsgFromAsync_WrongType_FailsNamingTheType()
    {
        var probe = CreateTestProbe();
        probe.Send(TestActor, 5);
        await this.QueuedAsync(1);

        var ex = await Assert.ThrowsAsync<TestKitAssertionException>(() => ExpectMsgFromAsync<string>(probe.Ref, Short));

        Assert.Contains("Expected a message of type String, but received <Int32: 5> from " + probe.Ref.Path, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExpectMsgFromAsync_NothingArrives_FailsAfterTimeout()
    {
        var probe = CreateTestProbe();

        var ex = await Assert.ThrowsAsync<TestKitAssertionException>(() => ExpectMsgFromAsync<string>(probe.Ref, Short));

        Assert.Contains("no message arrived", ex.Message, StringComparison.Ordinal);
        Assert.True(FailureText.AfterMs(ex.Message) >= Dilated(Short).TotalMilliseconds - 20, ex.Message);
    }
}
