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

        await EventFilter.Error(contains: $"Actor {handler.Path} failed and is stopped").ExpectAsync(1, async () =>
        {
            connection.Send(handler, new Tcp.Received(null!)); // a broken event: the handler throws on it
            await ExpectTerminatedAsync(handler);
        });

        Assert.Equal(1, _metrics.Sum("actorecho.server.connections_closed", "reason", "handler-failed"));
        Assert.Equal(1, _metrics.Sum("actorecho.actor.supervisor_decisions", "directive", "stop"));
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
