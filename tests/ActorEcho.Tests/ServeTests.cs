using System.Globalization;
using System.Text;
using ActorEcho.TestFixtures;
using ActorEcho.Tests.Infrastructure;

namespace ActorEcho.Tests;

/// <summary>The real <c>actorecho</c> process serving clients: the listening line, echoing (ours and nc), logging.</summary>
public sealed class ServeTests
{
    [Fact]
    public async Task DefaultVerb_PortZero_PrintsOneListeningLineAndEchoesAllByteValues()
    {
        await using var app = ActorEchoProcess.Start("--port", "0"); // no verb: serve is the default
        var port = await app.WaitForListeningAsync();
        Assert.InRange(port, 1, 65535);

        var payload = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();
        using (var client = await LoopbackClient.ConnectAsync(port))
        {
            await client.SendAsync(payload);
            Assert.Equal(payload, await client.ReceiveExactlyAsync(payload.Length));
            client.ShutdownSend();
            Assert.Empty(await client.ReceiveToEndAsync());
        }

        app.Terminate();
        Assert.Equal(0, await app.WaitForExitAsync());
        Assert.Equal([$"Listening on 127.0.0.1:{port}"], app.Stdout.Lines);
        Assert.DoesNotContain(app.Stderr.Lines, l => l.Contains("dbug:", StringComparison.Ordinal)); // Information by default
    }

    [Fact]
    public async Task Serve_ExternalNetcatClient_GetsItsDataEchoed()
    {
        var nc = Netcat.Find();
        Assert.True(nc is not null, "nc is not installed (Debian package netcat-openbsd); .ci/run installs it when apt-get is available.");
        await using var app = ActorEchoProcess.Start("serve", "--port", "0");
        var port = await app.WaitForListeningAsync();

        var input = string.Concat(Enumerable.Range(0, 200).Select(i => string.Create(CultureInfo.InvariantCulture, $"line {i}: the quick brown fox\n")));
        var (exitCode, output, error) = await Netcat.RoundTripAsync(nc, port, input, TimeSpan.FromSeconds(15));

        Assert.True(exitCode == 0, $"nc exited with {exitCode}: {error}");
        Assert.Equal(input, output);
        app.Terminate();
        Assert.Equal(0, await app.WaitForExitAsync());
    }

    [Fact]
    public async Task LogLevelDebug_LogsPerConnectionEventsOnStderr_AndStdoutKeepsOneLine()
    {
        await using var app = ActorEchoProcess.Start("serve", "--port", "0", "--log-level", "Debug");
        var port = await app.WaitForListeningAsync();

        using (var client = await LoopbackClient.ConnectAsync(port))
        {
            var ping = Encoding.ASCII.GetBytes("ping\n");
            await client.SendAsync(ping);
            Assert.Equal(ping, await client.ReceiveExactlyAsync(ping.Length));
            client.ShutdownSend();
            await client.ReceiveToEndAsync();
        }

        await app.Stderr.WaitForLineAsync(l => l.Contains("dbug:", StringComparison.Ordinal) && l.Contains("Accepted 127.0.0.1:", StringComparison.Ordinal), LoopbackClient.DefaultTimeout, "Debug line about the accepted connection");
        await app.Stderr.WaitForLineAsync(l => l.Contains("dbug:", StringComparison.Ordinal) && l.Contains("5 bytes in, 5 bytes out", StringComparison.Ordinal), LoopbackClient.DefaultTimeout, "Debug line about the ended connection");

        app.Terminate();
        Assert.Equal(0, await app.WaitForExitAsync());
        Assert.Single(app.Stdout.Lines);
    }
}
