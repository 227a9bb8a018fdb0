namespace ActorEcho.TestKit.Tests;

public sealed class IgnoreMessagesTests : TestKit
{
    private static readonly TimeSpan Short = TimeSpan.FromMilliseconds(150);

    [Fact]
    public async Task IgnoreMessages_MatchingMessages_NeverReachExpectations()
    {
        IgnoreMessages(m => m is "tick");

        TestActor.Tell("tick", null);
        TestActor.Tell("work", null);
        TestActor.Tell("tick", null);

        await ExpectMsgAsync("work");
        await ExpectNoMsgAsync(Short);
    }

    [Fact]
    public async Task IgnoreMessages_NonMatchingMessages_StillArrive()
    {
        IgnoreMessages(m => m is int);

        TestActor.Tell(1, null);
        TestActor.Tell("kept", null);
        await this.QueuedAsync(1);

        var ex = await Assert.ThrowsAsync<TestKitAssertionException>(() => ExpectMsgAsync<int>(Short));
        Assert.Contains("but received <String: kept>", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IgnoreNoMessages_AfterIgnoring_MessagesArriveAgain()
    {
        IgnoreMessages(m => m is "tick");
        TestActor.Tell("tick", null);
        TestActor.Tell("marker", null);
        await ExpectMsgAsync("marker");

        IgnoreNoMessages();
        TestActor.Tell("tick", null);

        await ExpectMsgAsync("tick");
    }

    [Fact]
    public async Task IgnoreMessages_OnProbe_DoesNotAffectTestActor()
    {
        var probe = CreateTestProbe();
        probe.IgnoreMessages(_ => true);

        probe.Ref.Tell("x", null);
        TestActor.Tell("x", null);

        await ExpectMsgAsync("x");
        await probe.ExpectNoMsgAsync(Short);
    }
}
