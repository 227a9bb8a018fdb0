using System.Diagnostics;
using ActorEcho.Tests.Infrastructure;

namespace ActorEcho.Tests;

/// <summary>SIGTERM: unbind, drain (connections finish echoing), exit 0; a second SIGTERM exits at once.</summary>
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
        var (app, client) = await StartWithNeverReadingClientAsync("1s");
        await using var _ = app;
        using var __ = client;

        app.Terminate();

        Assert.Equal(0, await app.WaitForExitAsync());
        Assert.Contains(app.Stderr.Lines, l => l.Contains("1 connection(s) did not finish within 00:00:01 and were reset", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SecondSigterm_WhileDraining_ExitsAtOnceWith143()
    {
        // A drain far longer than the test's bound: even on a loaded machine the second SIGTERM lands while it still runs, and an
        // exit within the bound can only be the second signal's doing.
        var drainTimeout = TimeSpan.FromSeconds(60);
        var (app, client) = await StartWithNeverReadingClientAsync("60s");
        await using var _ = app;
        using var __ = client;

        app.Terminate();
        await app.Stderr.WaitForLineAsync(l => l.Contains("SIGTERM received", StringComparison.Ordinal), ActorEchoProcess.StartTimeout, "log line of the first SIGTERM");
        var stopwatch = Stopwatch.StartNew();
        app.Terminate();

        Assert.Equal(143, await app.WaitForExitAsync());
        Assert.True(stopwatch.Elapsed < drainTimeout / 3, $"The second SIGTERM took {stopwatch.Elapsed} to end the process.");
        Assert.Contains(app.Stderr.Lines, l => l.StartsWith("actorecho: second SIGTERM", StringComparison.Ordinal));
    }

    /// <summary>
    /// Starts the server with <c>drain-timeout</c> set in a <c>--config</c> file and connects a client that sends without ever reading,
    /// which keeps the drain from finishing until its timeout.
    /// </summary>
    private static async Task<(ActorEchoProcess App, LoopbackClient Client)> StartWithNeverReadingClientAsync(string drainTimeout)
    {
        var config = Path.Combine(Path.GetTempPath(), $"actorecho-drain-{Guid.NewGuid():N}.conf");
        await File.WriteAllTextAsync(config, $"actorecho.server.drain-timeout = {drainTimeout}\n");
        var app = ActorEchoProcess.Start("serve", "--port", "0", "--config", config);
        try
        {
            var port = await app.WaitForListeningAsync();
            var client = await LoopbackClient.ConnectAsync(port);
            try
            {
                client.FillUntilServerStopsReading(ServerStoppedReading);
                return (app, client);
            }
            catch
            {
                client.Dispose();
                throw;
            }
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
        finally
        {
            File.Delete(config); // read at start-up, which WaitForListeningAsync has seen through (or given up on)
        }
    }
}
