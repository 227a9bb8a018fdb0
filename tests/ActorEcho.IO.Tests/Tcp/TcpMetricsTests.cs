using ActorEcho.IO.Tests.Tcp.Infrastructure;
using Xunit.Abstractions;

namespace ActorEcho.IO.Tests.Tcp;

/// <summary>The TCP layer's byte counters move while a connection is open, not only when it ends (a stats line must see live traffic).</summary>
public sealed class TcpMetricsTests(ITestOutputHelper output) : TcpTestKit(null, output, SystemName)
{
    private const string SystemName = "tcp-metrics";

    [Fact]
    public async Task BytesReceived_OpenConnection_CountedAsRead()
    {
        using var meters = new MetricsRecorder(SystemName);
        var handler = CreateTestProbe("handler");
        using var accepted = await ConnectRegisteredAsync(handler);
        var payload = RandomBytes(3_000, seed: 21);

        await accepted.Client.SendAsync(payload);
        await ExpectReceivedAsync(handler, payload.Length);

        await AwaitAssertAsync(() => Assert.Equal(payload.Length, meters.Sum("actorecho.tcp.bytes_received")), Wait);
        Assert.Equal(1, meters.Observe("actorecho.tcp.connections_active")); // still open
    }
}
