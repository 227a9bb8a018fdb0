using System.Diagnostics;
using System.Text;
using ActorEcho.TestFixtures;
using ActorEcho.Tests.Infrastructure;

namespace ActorEcho.Tests.Samples;

/// <summary>samples/EmbeddedEcho as a user runs it: its own process, configured by appsettings.json, HOCON and the command line.</summary>
public sealed class EmbeddedEchoSampleTests
{
    private const string SampleAssembly = "EmbeddedEcho.dll";

    /// <summary>The sample's drain-timeout (embedded-echo.conf) plus generous room for a loaded machine; an idle shutdown takes well under a second.</summary>
    private static readonly TimeSpan ExitBound = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Sample_PortZeroOnCommandLine_PrintsAddress_Echoes_AndExitsZeroOnSigterm()
    {
        await using var app = ActorEchoProcess.StartApplication(SampleAssembly, "--actorecho:server:port=0");
        var port = await app.WaitForListeningAsync();
        Assert.NotEqual(7100, port); // appsettings.json's port, overridden by the command line

        var payload = Encoding.UTF8.GetBytes("hello from the sample test\n");
        using (var client = await LoopbackClient.ConnectAsync(port))
        {
            await client.SendAsync(payload);
            Assert.Equal(payload, await client.ReceiveExactlyAsync(payload.Length));
            client.ShutdownSend();
            Assert.Empty(await client.ReceiveToEndAsync());
        }

        var stopwatch = Stopwatch.StartNew();
        app.Terminate();

        Assert.Equal(0, await app.WaitForExitAsync(ExitBound));
        Assert.True(stopwatch.Elapsed < ExitBound, $"The sample took {stopwatch.Elapsed} to stop.");
        Assert.Single(app.Stdout.Lines, l => l.StartsWith("Listening on ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sample_UsesItsGreeterAndBothConfigurationSources()
    {
        await using var app = ActorEchoProcess.StartApplication(SampleAssembly, "--actorecho:server:port=0");
        await app.WaitForListeningAsync();

        // The greeter's salutation is bound from appsettings.json (the code's default is "hello"). Log lines may follow the
        // address line: the console logger writes from its own thread.
        await app.Stdout.WaitForLineAsync(l => l.Contains("The greeter says: ahoy, embedded echo", StringComparison.Ordinal), ActorEchoProcess.StartTimeout, "the greeting");

        // Flow control and drain-timeout come from embedded-echo.conf (the reference defaults are 262144, 65536, 32768 and 5 s).
        await app.Stdout.WaitForLineAsync(
            l => l.Contains("high-water-mark 131072 B, low-water-mark 32768 B, ack-every 16384 B, drain-timeout 00:00:03", StringComparison.Ordinal),
            ActorEchoProcess.StartTimeout,
            "the flow-control settings from embedded-echo.conf");

        app.Terminate();
        Assert.Equal(0, await app.WaitForExitAsync(ExitBound));
    }
}
