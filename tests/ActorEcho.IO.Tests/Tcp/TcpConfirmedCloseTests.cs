using ActorEcho.IO.Buffers;
using ActorEcho.IO.Tests.Tcp.Infrastructure;
using Xunit.Abstractions;

namespace ActorEcho.IO.Tests.Tcp;

/// <summary>
/// ConfirmedClose is a true half-close (issue 4, Akka semantics): FIN after the pending writes, reading goes on (the handler gets
/// what the peer sends after our FIN), and ConfirmedClosed comes once, after the peer's FIN.
/// </summary>
public sealed class TcpConfirmedCloseTests(ITestOutputHelper output) : TcpTestKit(null, output)
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(200);

    [Fact]
    public async Task ConfirmedClose_ClientSendsAfterEof_HandlerReceivesItThenConfirmedClosedOnceAfterClientFin()
    {
        var handler = CreateTestProbe("handler");
        using var accepted = await ConnectRegisteredAsync(handler);
        var connection = await handler.WatchAsync(accepted.Connection);
        var last = RandomBytes(100_000, seed: 5);
        handler.Send(accepted.Connection, new IO.Tcp.Write(ByteString.FromBytes(last)));
        handler.Send(accepted.Connection, IO.Tcp.ConfirmedClose.Instance);

        // The client gets every byte, then EOF; its own direction is still open.
        var outcome = await accepted.Client.ReceiveUntilEofAsync();
        Assert.Equal(ClientEnd.Eof, outcome.End);
        Assert.Equal(last, outcome.Data);
        var late = RandomBytes(300_000, seed: 6);
        await accepted.Client.SendAsync(late);
        Assert.Equal(late, await ExpectReceivedAsync(handler, late.Length));
        await handler.ExpectNoMsgAsync(Quiet); // no ConfirmedClosed before the client's FIN

        accepted.Client.ShutdownSend();

        await handler.ExpectMsgAsync<IO.Tcp.ConfirmedClosed>(Wait);
        await handler.ExpectTerminatedAsync(connection, Wait);
        await handler.ExpectNoMsgAsync(Quiet);
        Assert.Equal(ClientEnd.Eof, (await accepted.Client.ReceiveUntilEofAsync()).End); // closed gracefully, not reset
    }

    [Fact]
    public async Task ConfirmedClose_PeerNeverSendsFin_ShutdownInputEndsTheWaitWithConfirmedClosed()
    {
        var handler = CreateTestProbe("handler");
        using var accepted = await ConnectRegisteredAsync(handler);
        var connection = await handler.WatchAsync(accepted.Connection);
        handler.Send(accepted.Connection, IO.Tcp.ConfirmedClose.Instance);
        Assert.Equal(ClientEnd.Eof, (await accepted.Client.ReceiveUntilEofAsync()).End);
        await handler.ExpectNoMsgAsync(Quiet); // waiting for the client's FIN, which never comes

        handler.Send(accepted.Connection, IO.Tcp.ShutdownInput.Instance);

        await handler.ExpectMsgAsync<IO.Tcp.ConfirmedClosed>(Wait);
        await handler.ExpectTerminatedAsync(connection, Wait);
        await handler.ExpectNoMsgAsync(Quiet);
    }

    [Fact]
    public async Task ConfirmedClose_SenderOtherThanHandler_BothGetConfirmedClosedOnce()
    {
        var handler = CreateTestProbe("handler");
        var closer = CreateTestProbe("closer");
        using var accepted = await ConnectRegisteredAsync(handler);

        closer.Send(accepted.Connection, IO.Tcp.ConfirmedClose.Instance);
        Assert.Equal(ClientEnd.Eof, (await accepted.Client.ReceiveUntilEofAsync()).End);
        accepted.Client.ShutdownSend();

        await handler.ExpectMsgAsync<IO.Tcp.ConfirmedClosed>(Wait);
        await closer.ExpectMsgAsync<IO.Tcp.ConfirmedClosed>(Wait);
        await handler.ExpectNoMsgAsync(Quiet);
        await closer.ExpectNoMsgAsync(Quiet);
    }

    [Fact]
    public async Task ConfirmedClose_ClientResetsInsteadOfFin_ErrorClosedOnce()
    {
        var handler = CreateTestProbe("handler");
        using var accepted = await ConnectRegisteredAsync(handler);
        var connection = await handler.WatchAsync(accepted.Connection);
        handler.Send(accepted.Connection, IO.Tcp.ConfirmedClose.Instance);
        Assert.Equal(ClientEnd.Eof, (await accepted.Client.ReceiveUntilEofAsync()).End);

        accepted.Client.Reset();

        var closed = await handler.ExpectMsgAsync<IO.Tcp.ConnectionClosed>(Wait);
        Assert.True(closed.IsErrorClosed, $"Expected ErrorClosed after the client's reset, got {closed}.");
        await handler.ExpectTerminatedAsync(connection, Wait);
        await handler.ExpectNoMsgAsync(Quiet);
    }

    [Fact]
    public async Task ConfirmedClose_ClientFinWhileWritesPending_WritesCompleteThenConfirmedClosed()
    {
        var handler = CreateTestProbe("handler");
        using var accepted = await ConnectRegisteredAsync(handler, clientReceiveBufferSize: 8192);
        var payload = RandomBytes(16 << 20, seed: 7); // 4x what the kernel buffers can hold (tcp_wmem max 4 MiB) while the client does not read
        handler.Send(accepted.Connection, new IO.Tcp.Write(ByteString.FromBytes(payload), new TestAck(1)));
        handler.Send(accepted.Connection, IO.Tcp.ConfirmedClose.Instance);
        handler.Send(accepted.Connection, new IO.Tcp.Write(ByteString.FromString("x"), new TestAck(2)));
        await handler.ExpectMsgAsync<IO.Tcp.CommandFailed>(Wait); // refused: the ConfirmedClose is in effect

        accepted.Client.ShutdownSend(); // the server's read loop sees this FIN while the write is still going out

        var outcome = await accepted.Client.ReceiveUntilEofAsync(TimeSpan.FromSeconds(15));
        Assert.Equal(ClientEnd.Eof, outcome.End);
        Assert.Equal(payload.Length, outcome.Data.Length);
        Assert.True(payload.AsSpan().SequenceEqual(outcome.Data), "The client did not get the pending write intact.");
        await handler.ExpectMsgAsync(new TestAck(1), Wait);
        await handler.ExpectMsgAsync<IO.Tcp.ConfirmedClosed>(Wait);
        await handler.ExpectNoMsgAsync(Quiet);
    }
}
