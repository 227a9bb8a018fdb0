namespace ActorEcho.TestKit.Tests;

public sealed class AutoPilotTests : TestKit
{
    private static readonly TimeSpan Short = TimeSpan.FromMilliseconds(150);

    [Fact]
    public async Task SetAutoPilot_Probe_RepliesToEveryMessageAndStillRecordsIt()
    {
        var probe = CreateTestProbe();
        probe.SetAutoPilot(AutoPilot.Create((sender, message) => sender.Tell($"echo:{message}", probe.Ref)));

        probe.Ref.Tell("a", TestActor);
        probe.Ref.Tell("b", TestActor);

        Assert.Equal("echo:a", await ExpectMsgFromAsync<string>(probe.Ref));
        Assert.Equal("echo:b", await ExpectMsgFromAsync<string>(probe.Ref));
        Assert.Equal(new object[] { "a", "b" }, await probe.ReceiveNAsync(2));
    }

    [Fact]
    public async Task SetAutoPilot_ActorAsksProbe_GetsAutomaticReply()
    {
        var probe = CreateTestProbe();
        probe.SetAutoPilot(AutoPilot.Create((sender, message) => sender.Tell(message is int n ? n * 2 : message, probe.Ref)));

        var answer = await probe.Ref.Ask<int>(21, TimeSpan.FromSeconds(3));

        Assert.Equal(42, answer);
    }

    [Fact]
    public async Task SetAutoPilot_PilotReturnsNull_StopsAfterFirstMessage()
    {
        var probe = CreateTestProbe();
        probe.SetAutoPilot(new OnceOnly(probe));

        probe.Ref.Tell("first", TestActor);
        probe.Ref.Tell("second", TestActor);

        await ExpectMsgAsync("reply to first");
        await probe.ReceiveNAsync(2);
        await ExpectNoMsgAsync(Short);
    }

    [Fact]
    public async Task SetAutoPilot_Null_StopsReplying()
    {
        var probe = CreateTestProbe();
        probe.SetAutoPilot(AutoPilot.Create((sender, message) => sender.Tell("auto", probe.Ref)));
        probe.Ref.Tell("one", TestActor);
        await ExpectMsgAsync("auto");

        probe.SetAutoPilot(null);
        probe.Ref.Tell("two", TestActor);

        await probe.ReceiveNAsync(2);
        await ExpectNoMsgAsync(Short);
    }

    [Fact]
    public async Task SetAutoPilot_NoPilot_ProbeDoesNotReply()
    {
        var probe = CreateTestProbe();

        probe.Ref.Tell("hello", TestActor);

        await probe.ExpectMsgAsync("hello");
        var ex = await Assert.ThrowsAsync<TestKitAssertionException>(() => ExpectMsgAsync<string>(Short));
        Assert.Contains("no message arrived", ex.Message, StringComparison.Ordinal);
    }

    private sealed class OnceOnly(TestProbe probe) : AutoPilot
    {
        public override AutoPilot? Run(IActorRef sender, object message)
        {
            sender.Tell($"reply to {message}", probe.Ref);
            return null;
        }
    }
}
