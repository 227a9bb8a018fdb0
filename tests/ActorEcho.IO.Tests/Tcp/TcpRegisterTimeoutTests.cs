using ActorEcho.IO.Buffers;
using ActorEcho.IO.Tests.Tcp.Infrastructure;
using Xunit.Abstractions;

namespace ActorEcho.IO.Tests.Tcp;

/// <summary><c>register-timeout = 300ms</c>: a connection nobody registers is closed.</summary>
public sealed class TcpRegisterTimeoutTests(ITestOutputHelper output) : TcpTestKit("actorecho.io.tcp.register-timeout = 300ms", output)
{
    [Fact]
    public async Task RegisterTimeout_NoRegister_BindHandlerGetsErrorClosedAndClientSeesClose()
    {
        var bindHandler = CreateTestProbe("bind-handler");
        var (_, address) = await BindAsync(bindHandler);
        using var accepted = await AcceptAsync(bindHandler, address);
        var connection = await WatchAsync(accepted.Connection);

        var closed = await bindHandler.ExpectMsgFromAsync<IO.Tcp.ErrorClosed>(accepted.Connection, Wait);
        Assert.Contains("timeout", closed.Cause, StringComparison.OrdinalIgnoreCase);
        await ExpectTerminatedAsync(connection, Wait);
        AssertClosedByServer(await accepted.Client.ReceiveUntilEofAsync());
        await bindHandler.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public async Task RegisterTimeout_RegisteredInTime_ConnectionStaysOpen()
    {
        var handler = CreateTestProbe("handler");
        using var accepted = await ConnectRegisteredAsync(handler);

        // Well past the register timeout, the registered connection still works both ways.
        await handler.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(600));
        await accepted.Client.SendAsync("alive"u8.ToArray());
        Assert.Equal("alive"u8.ToArray(), await ExpectReceivedAsync(handler, 5));
        handler.Send(accepted.Connection, new IO.Tcp.Write(ByteString.FromString("alive")));
        Assert.Equal("alive"u8.ToArray(), await accepted.Client.ReceiveExactlyAsync(5));
    }
}
