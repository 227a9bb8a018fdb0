using Xunit.Abstractions;

namespace ActorEcho.Server.Tests.Integration;

/// <summary>
/// The <c>ActorEcho</c> meter as an operator reads it, through a real echo server and real clients: accepted, active, closed by reason,
/// bytes in and out, reads suspended. Each test's actor system has its own name, the only measurements the recorder keeps.
/// </summary>
public sealed class EchoMetricsIntegrationTests : EchoIntegrationTestKit, IDisposable
{
    private readonly MetricsRecorder _metrics;

    public EchoMetricsIntegrationTests(ITestOutputHelper output)
        : base(output, systemName: "echo-metrics-" + Guid.NewGuid().ToString("N")[..12])
    {
        _metrics = new MetricsRecorder(Sys.Name);
    }

    [Fact]
    public async Task ThreeClients_CloseTheirSide_CountedAsAcceptedAndClosedByPeer_ActiveBackToZero_BytesMatch()
    {
        var address = await StartServerAsync();
        long sent = 0;
        for (var i = 0; i < 3; i++)
        {
            using var client = await LoopbackClient.ConnectAsync(address, Wait);
            var payload = RandomBytes(1000 + i, seed: 70 + i);
            AssertSameBytes(payload, await client.RoundTripAsync(payload, Wait), $"client {i}'s echo");
            sent += payload.Length;
            await AssertOrderlyEndAfterHalfCloseAsync(client, $"client {i}");
        }

        await AwaitAssertAsync(() =>
        {
            Assert.Equal(3, _metrics.Sum("actorecho.tcp.connections_accepted"));
            Assert.Equal(3, _metrics.Sum("actorecho.server.connections_closed", "reason", "peer"));
            Assert.Equal(3, _metrics.Sum("actorecho.server.connections_closed"));
            Assert.Equal(0, _metrics.Observe("actorecho.tcp.connections_active"));
            Assert.Equal(sent, _metrics.Sum("actorecho.tcp.bytes_received"));
            Assert.Equal(sent, _metrics.Sum("actorecho.tcp.bytes_sent"));
        });
        Assert.Equal(0, _metrics.Sum("actorecho.tcp.connections_refused"));
    }

    [Fact]
    public async Task OpenClient_CountedAsActive()
    {
        var address = await StartServerAsync();
        using var client = await LoopbackClient.ConnectAsync(address, Wait);
        var payload = RandomBytes(10, seed: 80);
        AssertSameBytes(payload, await client.RoundTripAsync(payload, Wait), "the echo");

        Assert.Equal(1, _metrics.Observe("actorecho.tcp.connections_active"));
        await AssertOrderlyEndAfterHalfCloseAsync(client, "the client");
        await AwaitAssertAsync(() => Assert.Equal(0, _metrics.Observe("actorecho.tcp.connections_active")));
    }

    [Fact]
    public async Task IdleClient_ClosedByIdleTimeout_CountedAsIdleAndLoggedOnceWithReason()
    {
        var address = await StartServerAsync(LoopbackSettings with { IdleTimeout = TimeSpan.FromMilliseconds(200) });
        using var client = await LoopbackClient.ConnectAsync(address, Wait);
        var clientAddress = client.LocalEndPoint;

        await EventFilter.Debug(contains: $"Connection {clientAddress} ended after").ExpectAsync(1, async () =>
        {
            var end = await client.ReceiveUntilEofAsync(Wait);
            Assert.Equal(ClientEnd.Eof, end.End);
            await AwaitAssertAsync(() => Assert.Equal(1, _metrics.Sum("actorecho.server.connections_closed", "reason", "idle")));
        });
        Assert.Equal(1, _metrics.Sum("actorecho.server.connections_closed"));
    }

    [Fact]
    public async Task ClientOverByteLimit_Reset_CountedAsLimit()
    {
        var address = await StartServerAsync(LoopbackSettings with { MaxBytesPerConnection = 1000 });
        using var client = await LoopbackClient.ConnectAsync(address, Wait);
        var clientAddress = client.LocalEndPoint;

        await EventFilter.Debug(contains: $"Connection {clientAddress} ended after").ExpectAsync(1, async () =>
        {
            await client.SendAsync(RandomBytes(4000, seed: 81), Wait);
            var end = await client.ReceiveUntilEofAsync(Wait);
            Assert.NotEqual(ClientEnd.Timeout, end.End);
            await AwaitAssertAsync(() => Assert.Equal(1, _metrics.Sum("actorecho.server.connections_closed", "reason", "limit")));
        });
        Assert.Equal(1, _metrics.Sum("actorecho.server.connections_closed"));
    }

    [Fact]
    public async Task ClientThatNeverReads_ReadsSuspended_Counted()
    {
        const int Seed = 82;
        var address = await StartServerAsync();
        using var client = await LoopbackClient.ConnectAsync(address, Wait, receiveBufferSize: 16 << 10);

        var outcome = await BlockingWriter.RunAsync(client.Socket, Seed, maxBytes: 64L << 20, TimeSpan.FromSeconds(5), blockedAfter: TimeSpan.FromSeconds(1))
            .WaitAsync(TimeSpan.FromSeconds(5) + Wait);
        Output.WriteLine($"{outcome.Sent} bytes sent, blocked: {outcome.Blocked}");

        await AwaitAssertAsync(() => Assert.True(_metrics.Sum("actorecho.tcp.reads_suspended") >= 1, _metrics.Dump()));
        client.Reset();
        await AwaitAssertAsync(() => Assert.Equal(1, _metrics.Sum("actorecho.server.connections_closed", "reason", "error")));
    }

    [Fact]
    public async Task Drain_OpenClient_CountedAsShutdown()
    {
        var server = Sys.ActorOf(EchoServer.CreateProps(LoopbackSettings), "echo");
        var address = (await server.Ask<Tcp.Bound>(EchoServer.GetBoundAddress.Instance, Wait)).LocalAddress;
        using var client = await LoopbackClient.ConnectAsync(address, Wait);
        var payload = RandomBytes(10, seed: 83);
        AssertSameBytes(payload, await client.RoundTripAsync(payload, Wait), "the echo");

        var drained = await server.Ask<EchoServer.Drained>(new EchoServer.Drain(Wait), Wait + Wait);

        Assert.Equal(0, drained.AbortedConnections);
        Assert.Equal(ClientEnd.Eof, (await client.ReceiveUntilEofAsync(Wait)).End);
        await AwaitAssertAsync(() => Assert.Equal(1, _metrics.Sum("actorecho.server.connections_closed", "reason", "shutdown")));
    }

    /// <inheritdoc />
    public void Dispose() => _metrics.Dispose();
}
