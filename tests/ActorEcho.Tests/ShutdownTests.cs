using System.Diagnostics;
using ActorEcho.TestFixtures;
using ActorEcho.Tests.Infrastructure;

namespace ActorEcho.Tests;

/// <summary>
/// SIGTERM: unbind, drain (connections finish echoing), exit 0. Under load, the second SIGTERM and restart on the same port:
/// Reliability/ShutdownUnderLoadTests and Reliability/RestartTests.
/// </summary>
[Collection(ShutdownCollection.Name)]
public sealed class ShutdownTests
{
    /// <summary>actorecho.server.drain-timeout's default.</summary>
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(5);

    /// <summary>A send blocked this long means the server stopped reading (backpressure), not that it is slow.</summary>
    private static readonly TimeSpan ServerStoppedReading = TimeSpan.FromSeconds(1.5);

    [Fact]
    public async Task Sigterm_WithClientMidStream_EchoesEverythingItReceivedThenExitsZero()
    {
        await using var app = ActorEchoProcess.Start("serve", "--port", "0");
        var port = await app.WaitForListeningAsync();
        var payload = new byte[64 * 1024];
        new Random(42).NextBytes(payload);

        using var client = await LoopbackClient.ConnectAsync(port);
        await client.SendAsync(payload);
        var first = await client.ReceiveExactlyAsync(1); // the echo is flowing; the rest is still in flight, and the client sent no FIN

        var stopwatch = Stopwatch.StartNew();
        app.Terminate();
        var rest = await client.ReceiveToEndAsync(); // the server finishes echoing, then closes

        Assert.Equal(payload, first.Concat(rest).ToArray());
        Assert.Equal(0, await app.WaitForExitAsync());
        Assert.True(stopwatch.Elapsed < DrainTimeout, $"Shutdown took {stopwatch.Elapsed}, more than the drain timeout.");
        Assert.DoesNotContain(app.Stderr.Lines, l => l.Contains("were reset", StringComparison.Ordinal));
        Assert.Single(app.Stdout.Lines);
    }

    [Fact]
    public async Task Sigterm_WithClientThatNeverReads_ResetsItAtTheDrainTimeoutAndExitsZero()
    {
        var config = Path.Combine(Path.GetTempPath(), $"actorecho-drain-{Guid.NewGuid():N}.conf");
        await File.WriteAllTextAsync(config, "actorecho.server.drain-timeout = 1s\n");
        try
        {
            await using var app = ActorEchoProcess.Start("serve", "--port", "0", "--config", config);
            var port = await app.WaitForListeningAsync();
            using var client = await LoopbackClient.ConnectAsync(port);
            client.FillUntilServerStopsReading(ServerStoppedReading);

            app.Terminate();

            Assert.Equal(0, await app.WaitForExitAsync());
            Assert.Contains(app.Stderr.Lines, l => l.Contains("1 connection(s) did not finish within 00:00:01 and were reset", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(config);
        }
    }
}
