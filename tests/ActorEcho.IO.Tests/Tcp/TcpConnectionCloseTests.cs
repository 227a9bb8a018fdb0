using System.Net.Sockets;
using ActorEcho.Actors;
using ActorEcho.IO.Buffers;
using ActorEcho.IO.Tests.Tcp.Infrastructure;
using Xunit.Abstractions;

namespace ActorEcho.IO.Tests.Tcp;

/// <summary>
/// Every way a connection ends, and what the handler, the closer and the client each see: exactly one close event per ending
/// (checked with ExpectNoMsgAsync after the first), and the client's own view (data, then EOF or reset).
/// </summary>
public sealed class TcpConnectionCloseTests(ITestOutputHelper output) : TcpTestKit(null, output)
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(200);

    [Fact]
    public async Task Close_AfterWrites_HandlerAndCloserGetClosedAndClientSeesAllDataThenEof()
    {
        var handler = CreateTestProbe("handler");
        var closer = CreateTestProbe("closer");
        using var accepted = await ConnectRegisteredAsync(handler);
        var connection = await handler.WatchAsync(accepted.Connection);
        var payload = RandomBytes(300_000, seed: 10);

        handler.Send(accepted.Connection, new IO.Tcp.Write(ByteString.FromBytes(payload)));
        closer.Send(accepted.Connection, IO.Tcp.Close.Instance);

        var outcome = await accepted.Client.ReceiveUntilEofAsync();
        Assert.Equal(ClientEnd.Eof, outcome.End);
        Assert.Equal(payload, outcome.Data);
        await handler.ExpectMsgAsync<IO.Tcp.Closed>(Wait);
        await closer.ExpectMsgFromAsync<IO.Tcp.Closed>(accepted.Connection, Wait);
        await handler.ExpectTerminatedAsync(connection, Wait);
        await handler.ExpectNoMsgAsync(Quiet);
        await closer.ExpectNoMsgAsync(Quiet);
    }

    [Fact]
    public async Task Close_WhileReadingSuspended_ClosedAndClientSeesEof()
    {
        var handler = CreateTestProbe("handler");
        using var accepted = await ConnectRegisteredAsync(handler);
        handler.Send(accepted.Connection, IO.Tcp.SuspendReading.Instance);
        handler.Send(accepted.Connection, new IO.Tcp.Write(ByteString.FromString("bye"), new TestAck(1)));
        await handler.ExpectMsgAsync(new TestAck(1), Wait);

        handler.Send(accepted.Connection, IO.Tcp.Close.Instance);

        var outcome = await accepted.Client.ReceiveUntilEofAsync();
        Assert.Equal(ClientEnd.Eof, outcome.End);
        Assert.Equal("bye"u8.ToArray(), outcome.Data);
        await handler.ExpectMsgAsync<IO.Tcp.Closed>(Wait);
        await handler.ExpectNoMsgAsync(Quiet);
    }

    [Fact]
    public async Task ConfirmedClose_AfterWrites_ConfirmedClosedAndClientSeesAllDataThenEof()
    {
        var handler = CreateTestProbe("handler");
        using var accepted = await ConnectRegisteredAsync(handler);
        var payload = RandomBytes(200_000, seed: 11);

        handler.Send(accepted.Connection, new IO.Tcp.Write(ByteString.FromBytes(payload)));
        handler.Send(accepted.Connection, IO.Tcp.ConfirmedClose.Instance);

        var outcome = await accepted.Client.ReceiveUntilEofAsync();
        Assert.Equal(ClientEnd.Eof, outcome.End);
        Assert.Equal(payload, outcome.Data);
        accepted.Client.ShutdownSend(); // ConfirmedClosed waits for the peer's FIN
        await handler.ExpectMsgAsync<IO.Tcp.ConfirmedClosed>(Wait);
        await handler.ExpectNoMsgAsync(Quiet);
    }

    [Fact]
    public async Task Abort_Registered_HandlerGetsAbortedAndClientSeesReset()
    {
        var handler = CreateTestProbe("handler");
        using var accepted = await ConnectRegisteredAsync(handler);
        handler.Send(accepted.Connection, new IO.Tcp.Write(ByteString.FromString("before abort"), new TestAck(1)));
        await handler.ExpectMsgAsync(new TestAck(1), Wait);
        Assert.Equal("before abort"u8.ToArray(), await accepted.Client.ReceiveExactlyAsync(12));

        handler.Send(accepted.Connection, IO.Tcp.Abort.Instance);

        await handler.ExpectMsgAsync<IO.Tcp.Aborted>(Wait);
        var outcome = await accepted.Client.ReceiveUntilEofAsync();
        Assert.True(outcome.End == ClientEnd.Reset, $"Abort must reset the connection (RST); the client saw {outcome}.");
        Assert.Equal(SocketError.ConnectionReset, outcome.Error);
        await handler.ExpectNoMsgAsync(Quiet);
    }

    [Fact]
    public async Task Abort_FromOtherActor_HandlerAndCloserGetAbortedOnce()
    {
        var handler = CreateTestProbe("handler");
        var closer = CreateTestProbe("closer");
        using var accepted = await ConnectRegisteredAsync(handler);

        closer.Send(accepted.Connection, IO.Tcp.Abort.Instance);

        await handler.ExpectMsgAsync<IO.Tcp.Aborted>(Wait);
        await closer.ExpectMsgAsync<IO.Tcp.Aborted>(Wait);
        AssertClosedByServer(await accepted.Client.ReceiveUntilEofAsync());
        await handler.ExpectNoMsgAsync(Quiet);
        await closer.ExpectNoMsgAsync(Quiet);
    }

    [Fact]
    public async Task PeerClosed_KeepOpenFalse_HandlerGetsPeerClosedAndConnectionCloses()
    {
        var handler = CreateTestProbe("handler");
        using var accepted = await ConnectRegisteredAsync(handler, keepOpenOnPeerClosed: false);
        var connection = await handler.WatchAsync(accepted.Connection);

        await accepted.Client.SendAsync("last words"u8.ToArray());
        accepted.Client.ShutdownSend();

        Assert.Equal("last words"u8.ToArray(), await ExpectReceivedAsync(handler, 10));
        await handler.ExpectMsgAsync<IO.Tcp.PeerClosed>(Wait);
        await handler.ExpectTerminatedAsync(connection, Wait);
        var outcome = await accepted.Client.ReceiveUntilEofAsync();
        Assert.Equal(ClientEnd.Eof, outcome.End);
        Assert.Empty(outcome.Data);
        await handler.ExpectNoMsgAsync(Quiet);
    }

    [Fact]
    public async Task PeerClosed_KeepOpenTrue_HandlerCanStillWriteThenCloseGivesClientEof()
    {
        var handler = CreateTestProbe("handler");
        using var accepted = await ConnectRegisteredAsync(handler, keepOpenOnPeerClosed: true);

        accepted.Client.ShutdownSend();
        await handler.ExpectMsgAsync<IO.Tcp.PeerClosed>(Wait);
        await handler.ExpectNoMsgAsync(Quiet);

        await AssertStillWritesThenClosesAsync(handler, accepted, RandomBytes(50_000, seed: 12));
    }

    [Fact]
    public async Task ShutdownInput_DataQueuedInKernel_AllDeliveredThenPeerClosedAndOutputStaysOpen()
    {
        var handler = CreateTestProbe("handler");
        using var accepted = await ConnectRegisteredAsync(handler, keepOpenOnPeerClosed: true);
        handler.Send(accepted.Connection, IO.Tcp.SuspendReading.Instance);
        handler.Send(accepted.Connection, new IO.Tcp.Write(ByteString.Empty, new TestAck(1)));
        await handler.ExpectMsgAsync(new TestAck(1), Wait); // reading is suspended from here on
        var payload = RandomBytes(100 << 10, seed: 13);
        await accepted.Client.SendChunkedAsync(payload, 4096);

        // Bytes still on their way when SHUT_RD takes effect would arrive after the end of input and be lost.
        await AwaitDeliveredAsync(accepted.Client);

        handler.Send(accepted.Connection, IO.Tcp.ShutdownInput.Instance);
        handler.Send(accepted.Connection, IO.Tcp.ResumeReading.Instance);

        Assert.Equal(payload, await ExpectReceivedAsync(handler, payload.Length));
        await handler.ExpectMsgAsync<IO.Tcp.PeerClosed>(Wait);
        await AssertStillWritesThenClosesAsync(handler, accepted, "still open"u8.ToArray());
    }

    [Fact]
    public async Task ShutdownInput_BeforeRegister_DataThenPeerClosedOnceReadingStarts()
    {
        var handler = CreateTestProbe("handler");
        var (_, address) = await BindAsync(handler);
        using var accepted = await AcceptAsync(handler, address);
        await accepted.Client.SendAsync("early"u8.ToArray());
        await AwaitDeliveredAsync(accepted.Client);

        handler.Send(accepted.Connection, IO.Tcp.ShutdownInput.Instance);
        handler.Send(accepted.Connection, new IO.Tcp.Register(handler.Ref, keepOpenOnPeerClosed: true));

        Assert.Equal("early"u8.ToArray(), await ExpectReceivedAsync(handler, 5));
        await handler.ExpectMsgAsync<IO.Tcp.PeerClosed>(Wait);
        handler.Send(accepted.Connection, new IO.Tcp.Write(ByteString.FromString("open"), new TestAck(1)));
        await handler.ExpectMsgAsync(new TestAck(1), Wait);
        await handler.ExpectNoMsgAsync(Quiet);
    }

    [Fact]
    public async Task ShutdownInput_Twice_OnePeerClosedAndNoFailure()
    {
        var handler = CreateTestProbe("handler");
        using var accepted = await ConnectRegisteredAsync(handler, keepOpenOnPeerClosed: true);

        handler.Send(accepted.Connection, IO.Tcp.ShutdownInput.Instance);
        handler.Send(accepted.Connection, IO.Tcp.ShutdownInput.Instance);

        await handler.ExpectMsgAsync<IO.Tcp.PeerClosed>(Wait);
        handler.Send(accepted.Connection, IO.Tcp.ShutdownInput.Instance); // after the end of input: ignored
        await handler.ExpectNoMsgAsync(Quiet);
        handler.Send(accepted.Connection, IO.Tcp.Close.Instance);
        await handler.ExpectMsgAsync<IO.Tcp.Closed>(Wait);
    }

    [Fact]
    public async Task ShutdownInput_KeepOpenFalse_PeerClosedEventAndClientSeesEof()
    {
        var handler = CreateTestProbe("handler");
        using var accepted = await ConnectRegisteredAsync(handler, keepOpenOnPeerClosed: false);
        var connection = await handler.WatchAsync(accepted.Connection);
        await accepted.Client.SendAsync("last"u8.ToArray());
        Assert.Equal("last"u8.ToArray(), await ExpectReceivedAsync(handler, 4));

        handler.Send(accepted.Connection, IO.Tcp.ShutdownInput.Instance);

        await handler.ExpectMsgAsync<IO.Tcp.PeerClosed>(Wait);
        await handler.ExpectTerminatedAsync(connection, Wait);
        var outcome = await accepted.Client.ReceiveUntilEofAsync();
        Assert.Equal(ClientEnd.Eof, outcome.End);
        await handler.ExpectNoMsgAsync(Quiet);
    }

    [Fact]
    public async Task ErrorClosed_PeerResets_HandlerGetsExactlyOneErrorClosed()
    {
        var handler = CreateTestProbe("handler");
        using var accepted = await ConnectRegisteredAsync(handler);
        var connection = await handler.WatchAsync(accepted.Connection);
        await accepted.Client.SendAsync(new byte[] { 1 });
        await ExpectReceivedAsync(handler, 1);

        accepted.Client.Reset();

        var closed = await handler.ExpectMsgAsync<IO.Tcp.ErrorClosed>(Wait);
        Assert.True(closed.IsErrorClosed);
        Assert.True(
            closed.Cause.StartsWith("reset", StringComparison.Ordinal) || closed.Cause.StartsWith("aborted", StringComparison.Ordinal) || closed.Cause.StartsWith("unexpected", StringComparison.Ordinal),
            $"Unexpected cause: {closed.Cause}");
        await handler.ExpectTerminatedAsync(connection, Wait);
        await handler.ExpectNoMsgAsync(Quiet);
    }

    [Fact]
    public async Task ErrorClosed_PeerResets_CauseNamesReset()
    {
        var handler = CreateTestProbe("handler");
        using var accepted = await ConnectRegisteredAsync(handler);
        await accepted.Client.SendAsync(new byte[] { 1 });
        await ExpectReceivedAsync(handler, 1);

        accepted.Client.Reset();

        var closed = await handler.ExpectMsgAsync<IO.Tcp.ErrorClosed>(Wait);
        Assert.StartsWith("reset", closed.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PeerClosed_KeepOpenTrue_PeerResetsWhileWritePending_ErrorClosedAndConnectionStops()
    {
        var handler = CreateTestProbe("handler");
        using var accepted = await ConnectRegisteredAsync(handler, keepOpenOnPeerClosed: true, clientReceiveBufferSize: 8192);
        var connection = await handler.WatchAsync(accepted.Connection);
        accepted.Client.ShutdownSend();
        await handler.ExpectMsgAsync<IO.Tcp.PeerClosed>(Wait);

        // 16 MiB to a client that does not read: the write stays pending (no ack).
        var big = new IO.Tcp.Write(ByteString.FromBytes(new byte[16 << 20]), new TestAck(1));
        handler.Send(accepted.Connection, big);
        await handler.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(300));

        accepted.Client.Reset();

        var nack = await handler.ExpectMsgAsync<IO.Tcp.CommandFailed>(Wait, "the NACK of the pending write");
        Assert.Same(big, nack.Cmd);
        var closed = await handler.ExpectMsgAsync<IO.Tcp.ConnectionClosed>(Wait, "the connection's end after the peer's reset");
        Assert.True(closed.IsErrorClosed, $"Expected ErrorClosed, got {closed}.");
        await handler.ExpectTerminatedAsync(connection, Wait);
        await handler.ExpectNoMsgAsync(Quiet);
    }

    [Fact]
    public async Task PeerClosed_KeepOpenFalse_PeerResetsWhileWritePending_ExactlyOneCloseEventAndConnectionStops()
    {
        var handler = CreateTestProbe("handler");
        using var accepted = await ConnectRegisteredAsync(handler, keepOpenOnPeerClosed: false, clientReceiveBufferSize: 8192);
        var connection = await handler.WatchAsync(accepted.Connection);
        var big = new IO.Tcp.Write(ByteString.FromBytes(new byte[16 << 20]), new TestAck(-1));
        handler.Send(accepted.Connection, big);
        await handler.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(300));

        // FIN with a write pending: the connection finishes writing before it closes, so it refuses new writes ("closing").
        accepted.Client.ShutdownSend();
        var probes = 0;
        await AwaitAssertAsync(async () =>
        {
            var write = new IO.Tcp.Write(ByteString.Empty, new TestAck(probes++));
            handler.Send(accepted.Connection, write);
            var failed = await handler.FishForMessageAsync<IO.Tcp.CommandFailed>(f => f.Cmd == write, TimeSpan.FromMilliseconds(200));
            Assert.Contains("closing", failed.Cause?.Message ?? string.Empty, StringComparison.Ordinal);
        }, Wait);

        accepted.Client.Reset();

        // Whatever NACKs come for the pending writes, the handler must then hear exactly one close event, and the actor must stop.
        var closed = await handler.FishForMessageAsync<IO.Tcp.ConnectionClosed>(_ => true, Wait, "the connection's end after the peer's reset");
        Assert.True(closed.IsErrorClosed || closed.IsPeerClosed, $"Unexpected {closed}.");
        await handler.FishForMessageAsync<Terminated>(t => t.ActorRef.Equals(connection), Wait);
        while (await handler.ReceiveOneAsync(Quiet) is { } later)
        {
            Assert.IsNotAssignableFrom<IO.Tcp.ConnectionClosed>(later.Message);
        }
    }

    [Fact]
    public async Task Write_AfterClose_CommandFailed()
    {
        var handler = CreateTestProbe("handler");
        using var accepted = await ConnectRegisteredAsync(handler);
        var connection = await handler.WatchAsync(accepted.Connection);

        handler.Send(accepted.Connection, IO.Tcp.ConfirmedClose.Instance);
        var late = new IO.Tcp.Write(ByteString.FromString("too late"), new TestAck(1));
        handler.Send(accepted.Connection, late);

        var failed = await handler.ExpectMsgAsync<IO.Tcp.CommandFailed>(Wait);
        Assert.Same(late, failed.Cmd);
        var outcome = await accepted.Client.ReceiveUntilEofAsync();
        Assert.Equal(ClientEnd.Eof, outcome.End);
        Assert.Empty(outcome.Data);
        accepted.Client.ShutdownSend();
        await handler.ExpectMsgAsync<IO.Tcp.ConfirmedClosed>(Wait);
        await handler.ExpectTerminatedAsync(connection, Wait);
    }

    [Fact]
    public async Task Handler_Dies_ConnectionAbortedWithoutEvent()
    {
        var bindHandler = CreateTestProbe("bind-handler");
        var handler = CreateTestProbe("handler");
        var (_, address) = await BindAsync(bindHandler);
        using var accepted = await AcceptAsync(bindHandler, address);
        handler.Send(accepted.Connection, new IO.Tcp.Register(handler.Ref));
        await accepted.Client.SendAsync(new byte[] { 1 });
        await ExpectReceivedAsync(handler, 1);
        var connection = await WatchAsync(accepted.Connection);

        Sys.Stop(handler.Ref);

        await ExpectTerminatedAsync(connection, Wait);
        AssertClosedByServer(await accepted.Client.ReceiveUntilEofAsync());
        await bindHandler.ExpectNoMsgAsync(Quiet);
    }

    /// <summary>After the input ended (keepOpenOnPeerClosed): a write still reaches the client, then Close gives Closed and the client's EOF.</summary>
    private async Task AssertStillWritesThenClosesAsync(TestKit.TestProbe handler, AcceptedConnection accepted, byte[] payload)
    {
        handler.Send(accepted.Connection, new IO.Tcp.Write(ByteString.FromBytes(payload), new TestAck(1)));
        await handler.ExpectMsgAsync(new TestAck(1), Wait);
        Assert.Equal(payload, await accepted.Client.ReceiveExactlyAsync(payload.Length));

        handler.Send(accepted.Connection, IO.Tcp.Close.Instance);
        await handler.ExpectMsgAsync<IO.Tcp.Closed>(Wait);
        var outcome = await accepted.Client.ReceiveUntilEofAsync();
        Assert.Equal(ClientEnd.Eof, outcome.End);
        Assert.Empty(outcome.Data);
        await handler.ExpectNoMsgAsync(Quiet);
    }
}
