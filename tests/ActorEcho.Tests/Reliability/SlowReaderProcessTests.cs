using ActorEcho.TestFixtures;
using ActorEcho.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ActorEcho.Tests.Reliability;

/// <summary>
/// Clients that write as fast as they can and never read, against the real process (where the read loop runs on the thread pool with
/// the host's settings). Regression: the read loop kept its thread while data kept arriving, so the connection actor, queued on that
/// thread with the handler's SuspendReading, did not run; in about half the tries a single such client pushed 60 MiB to 3.9 GiB
/// into the server's memory before reading stopped.
/// </summary>
[Collection(ShutdownCollection.Name)]
public sealed class SlowReaderProcessTests(ITestOutputHelper output)
{
    /// <summary>Fresh servers tried, one such client each: before the fix about half of the tries went wrong.</summary>
    private const int Tries = 3;
    private const long MiB = 1024 * 1024;

    /// <summary>
    /// What the server may gain in resident memory for one such client. It holds about 1.3 MiB of live buffers by design (see
    /// EchoConnection), but RSS also counts the garbage of the echoes it copied until a GC runs: measured 6 to 10 MiB with the fix.
    /// Before it, a bad try added 90 MiB to 4 GiB.
    /// </summary>
    private const long ServerGrowthBound = 32 * MiB;

    /// <summary>A send blocked this long means the server stopped reading (backpressure), not that it is slow.</summary>
    private static readonly TimeSpan ServerStoppedReading = TimeSpan.FromSeconds(1.5);

    [Fact]
    public async Task ClientThatNeverReads_StoppedByBackpressure_ServerMemoryStaysBounded()
    {
        if (!OperatingSystem.IsLinux())
        {
            output.WriteLine("skipped: reads /proc");
            return;
        }

        for (var i = 0; i < Tries; i++)
        {
            await using var app = ActorEchoProcess.Start("serve", "--port", "0");
            var port = await app.WaitForListeningAsync();
            var before = app.ResidentBytes;
            using var client = await LoopbackClient.ConnectAsync(port);

            var sent = client.FillUntilServerStopsReading(ServerStoppedReading);

            var growth = app.ResidentBytes - before;
            output.WriteLine($"try {i}: {sent / (double)MiB:F1} MiB sent before the server stopped reading; server RSS +{growth / (double)MiB:F1} MiB");
            Assert.True(growth < ServerGrowthBound, $"Try {i}: the server's RSS grew by {growth / MiB} MiB for one client that never reads ({sent / MiB} MiB sent).");

            using var other = await LoopbackClient.ConnectAsync(port);
            await other.SendAsync(new byte[] { 1, 2, 3 });
            Assert.Equal(new byte[] { 1, 2, 3 }, await other.ReceiveExactlyAsync(3)); // still serving others
        }
    }
}
