using ActorEcho.Server.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ActorEcho.Server.Tests;

/// <summary>Close reasons that need a stand-in connection to provoke: a failing handler, a transport error.</summary>
public sealed class EchoConnectionMetricsTests : EchoTestKit, IDisposable
{
    private readonly MetricsRecorder _metrics;

    public EchoConnectionMetricsTests(ITestOutputHelper output)
        : base(output, systemName: "conn-metrics-" + Guid.NewGuid().ToString("N")[..12])
    {
        _metrics = new MetricsRecorder(Sys.Name);
    }

    [Fact]
    public async Task HandlerThrows_ServerStopsIt_CountedAsHandlerFailedAndLoggedWithPath()
    {
        var (server, _, _) = await StartBoundServerAsync();
        var (handler, connection) = await ConnectAsync(server);
        await WatchAsync(handler);

        await EventFilter.Error(contains: $"({handler.Path}) failed handling").ExpectAsync(1, async () =>
        {
            connection.Send(handler, new Tcp.Received(null!)); // a broken event: the handler throws on it
            await ExpectTerminatedAsync(handler);
        });

        Assert.Equal(1, _metrics.Sum("actorecho.server.connections_closed", "reason", "handler-failed"));
        // The server counts its decision right after stopping the handler, so the count may trail the Terminated.
        await AwaitConditionAsync(() => _metrics.Sum("actorecho.actor.supervisor_decisions", "directive", "stop") == 1, message: "the stop decision to be counted");
    }

    [Fact]
    public async Task ConnectionErrorClosed_CountedAsError()
    {
        var (server, _, _) = await StartBoundServerAsync();
        var (handler, connection) = await ConnectAsync(server);
        await WatchAsync(handler);

        connection.Send(handler, new Tcp.ErrorClosed("reset: by peer"));
        await ExpectTerminatedAsync(handler);

        Assert.Equal(1, _metrics.Sum("actorecho.server.connections_closed", "reason", "error"));
        Assert.Equal(1, _metrics.Sum("actorecho.server.connections_closed"));
    }

    /// <inheritdoc />
    public void Dispose() => _metrics.Dispose();
}
