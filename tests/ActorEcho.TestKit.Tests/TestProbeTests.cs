namespace ActorEcho.TestKit.Tests;

public sealed class TestProbeTests : TestKit
{
    private static readonly TimeSpan Short = TimeSpan.FromMilliseconds(150);

    [Fact]
    public async Task CreateTestProbe_TwoProbes_HaveIndependentQueues()
    {
        var first = CreateTestProbe();
        var second = CreateTestProbe();

        first.Ref.Tell("for first", null);
        second.Ref.Tell("for second", null);

        Assert.Equal("for first", await first.ExpectMsgAsync<string>());
        Assert.Equal("for second", await second.ExpectMsgAsync<string>());
        await first.ExpectNoMsgAsync(Short);
        await second.ExpectNoMsgAsync(TimeSpan.Zero);
        await ExpectNoMsgAsync(TimeSpan.Zero);
    }

    [Fact]
    public async Task CreateTestProbe_MessageToTestActor_DoesNotReachProbe()
    {
        var probe = CreateTestProbe();
        TestActor.Tell("for kit", null);

        await ExpectMsgAsync("for kit");
        var ex = await Assert.ThrowsAsync<TestKitAssertionException>(() => probe.ExpectMsgAsync<string>(Short));
        Assert.Contains("no message arrived", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateTestProbe_WithoutName_GetsDistinctNames()
    {
        var first = CreateTestProbe();
        var second = CreateTestProbe();

        Assert.NotEqual(first.Ref.Path.Name, second.Ref.Path.Name);
        Assert.NotEqual(first.Ref, second.Ref);
    }

    [Fact]
    public void CreateTestProbe_WithName_UsesItInPath()
    {
        var probe = CreateTestProbe("payments");

        Assert.Equal("payments", probe.Ref.Path.Name);
        Assert.Contains("payments", probe.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reply_AfterTwoSenders_GoesToTheLastSender()
    {
        var probe = CreateTestProbe();
        var other = CreateTestProbe();
        probe.Ref.Tell("from other", other.Ref);
        probe.Ref.Tell("from kit", TestActor);
        await probe.ExpectMsgAsync("from other");
        await probe.ExpectMsgAsync("from kit");

        probe.Reply("answer");

        Assert.Equal("answer", await ExpectMsgFromAsync<string>(probe.Ref));
        await other.ExpectNoMsgAsync(Short);
    }

    [Fact]
    public async Task Reply_FirstMessageTaken_GoesToItsSender()
    {
        var probe = CreateTestProbe();
        var other = CreateTestProbe();
        probe.Ref.Tell("from other", other.Ref);
        probe.Ref.Tell("from kit", TestActor);
        await probe.ExpectMsgAsync("from other");

        probe.Reply("answer");

        Assert.Equal("answer", await other.ExpectMsgFromAsync<string>(probe.Ref));
        Assert.Equal(other.Ref, probe.Sender);
    }

    [Fact]
    public async Task Forward_KeepsOriginalSender()
    {
        var middle = CreateTestProbe();
        var target = CreateTestProbe();
        middle.Ref.Tell("request", TestActor);
        await middle.ExpectMsgAsync("request");

        middle.Forward(target.Ref, "request");

        await target.ExpectMsgFromAsync<string>(TestActor);
        target.Reply("response");
        await ExpectMsgFromAsync<string>(target.Ref);
    }

    [Fact]
    public async Task Send_UsesProbeAsSender()
    {
        var probe = CreateTestProbe();

        probe.Send(TestActor, "ping");

        await ExpectMsgAsync("ping");
        Assert.Equal(probe.Ref, LastSender);
    }

    [Fact]
    public async Task Send_ActorReplies_ReplyReachesProbeNotTestActor()
    {
        var probe = CreateTestProbe();
        var echo = ActorOf(Props.Create(() => new Echo()));

        probe.Send(echo, "ping");

        Assert.Equal("ping", await probe.ExpectMsgFromAsync<string>(echo));
        await ExpectNoMsgAsync(Short);
    }

    [Fact]
    public async Task ExpectMsgAsync_OnProbe_FailureNamesProbeSenderPath()
    {
        var probe = CreateTestProbe();
        probe.Ref.Tell(1, TestActor);
        await probe.QueuedAsync(1);

        var ex = await Assert.ThrowsAsync<TestKitAssertionException>(() => probe.ExpectMsgAsync("one", Short));

        Assert.Contains("Expected <String: one>, but received <Int32: 1> from " + TestActor.Path, ex.Message, StringComparison.Ordinal);
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
