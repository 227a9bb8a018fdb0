using System.Net.Sockets;
using Xunit.Abstractions;

namespace ActorEcho.Server.Tests.Integration;

/// <summary>Connections over <c>max-connections</c> are refused and counted as refused, not as accepted or closed.</summary>
public sealed class EchoRefusalMetricsIntegrationTests : EchoIntegrationTestKit, IDisposable
{
    private readonly MetricsRecorder _metrics;

    public EchoRefusalMetricsIntegrationTests(ITestOutputHelper output)
        : base(output, hocon: "actorecho.io.tcp.max-connections = 1", systemName: "echo-refusal-" + Guid.NewGuid().ToString("N")[..12])
    {
        _metrics = new MetricsRecorder(Sys.Name);
    }

    [Fact]
    public async Task SecondClient_OverMaxConnections_CountedAsRefused()
    {
        var address = await StartServerAsync();
        using var first = await LoopbackClient.ConnectAsync(address, Wait);
        var payload = RandomBytes(100, seed: 90);
        AssertSameBytes(payload, await first.RoundTripAsync(payload, Wait), "the first client's echo");

        // The refusal aborts the socket at once: the client sees EOF or a reset, possibly while still connecting.
        try
        {
            using var second = await LoopbackClient.ConnectAsync(address, Wait);
            var end = await second.ReceiveUntilEofAsync(Wait);
            Assert.NotEqual(ClientEnd.Timeout, end.End);
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.ConnectionReset)
        {
            Output.WriteLine("the refused client was reset while connecting");
        }

        await AwaitAssertAsync(() => Assert.Equal(1, _metrics.Sum("actorecho.tcp.connections_refused")));
        Assert.Equal(1, _metrics.Sum("actorecho.tcp.connections_accepted"));
        Assert.Equal(1, _metrics.Observe("actorecho.tcp.connections_active"));
        Assert.Equal(0, _metrics.Sum("actorecho.server.connections_closed"));
    }

    /// <inheritdoc />
    public void Dispose() => _metrics.Dispose();
}
