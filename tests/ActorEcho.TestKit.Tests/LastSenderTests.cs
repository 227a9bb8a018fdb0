namespace ActorEcho.TestKit.Tests;

public sealed class LastSenderTests : TestKit
{
    [Fact]
    public void LastSender_NothingTakenYet_IsDeadLetters()
    {
        Assert.Equal(Sys.DeadLetters, LastSender);
    }

    [Fact]
    public async Task LastSender_AfterExpectation_IsThatMessagesSender()
    {
        var first = CreateTestProbe();
        var second = CreateTestProbe();
        first.Send(TestActor, 1);
        second.Send(TestActor, 2);

        await ExpectMsgAsync(1);
        Assert.Equal(first.Ref, LastSender);

        await ExpectMsgAsync(2);
        Assert.Equal(second.Ref, LastSender);
    }

    [Fact]
    public async Task LastSender_MessageWithoutSender_IsDeadLetters()
    {
        var probe = CreateTestProbe();
        probe.Send(TestActor, 1);
        TestActor.Tell(2, null);
        await ExpectMsgAsync(1);

        await ExpectMsgAsync(2);

        Assert.Equal(Sys.DeadLetters, LastSender);
    }

    [Fact]
    public async Task LastSender_FailedExpectation_StillRecordsSender()
    {
        var probe = CreateTestProbe();
        probe.Send(TestActor, "unexpected");

        await Assert.ThrowsAsync<TestKitAssertionException>(() => ExpectMsgAsync<int>(TimeSpan.FromMilliseconds(150)));

        Assert.Equal(probe.Ref, LastSender);
    }
}
