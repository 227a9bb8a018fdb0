using System.Diagnostics;
using ActorEcho.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ActorEcho.Tests.Reliability;

/// <summary>
/// Accept errors (Akka.NET #7969: one accept error killed the listener): the real server under a lowered RLIMIT_NOFILE, with more
/// clients than descriptors. accept() fails with EMFILE; the server stays bound, logs the error at most once per second, keeps
/// echoing on the connections it has, and accepts again as soon as descriptors are free.
/// </summary>
public sealed class AcceptErrorTests(ITestOutputHelper output)
{
    /// <summary>Descriptors above the idle count: room for a few connections (and whatever the runtime opens lazily), then EMFILE.</summary>
    private const int Headroom = 12;
    private const int Excess = 40;

    /// <summary>How long the server is kept out of descriptors.</summary>
    private static readonly TimeSpan StarvedFor = TimeSpan.FromSeconds(3);

    [Fact(Skip = "The .NET runtime aborts the process ('Out of memory.', SIGABRT) when it must create a thread while every descriptor is taken "
        + "(strace: openat /proc/self/status -> EMFILE right before the abort). The listener itself now backs off and logs once per second; "
        + "surviving EMFILE needs a descriptor reserve (cap connections below RLIMIT_NOFILE), which does not exist yet.")]
    public async Task AcceptFailsWithEmfile_ServerStaysBoundLogsAtMostOncePerSecondServesExistingAndAcceptsAgainWhenFree()
    {
        if (!OperatingSystem.IsLinux() || !File.Exists("/usr/bin/prlimit"))
        {
            output.WriteLine("skipped: needs Linux and /usr/bin/prlimit");
            return;
        }

        // Measure what the process holds at idle, without a limit.
        int idle;
        await using (var probe = ActorEchoProcess.Start("serve", "--port", "0"))
        {
            await probe.WaitForListeningAsync();
            idle = probe.OpenFileDescriptors;
        }

        var limit = idle + Headroom;
        output.WriteLine($"idle: {idle} descriptors; RLIMIT_NOFILE = {limit}");
        await using var app = ActorEchoProcess.StartWithFileLimit(limit, "serve", "--port", "0", "--log-level", "Debug");
        try
        {
            await RunAsync(app, limit);
        }
        catch
        {
            output.WriteLine("server stderr:\n" + string.Join('\n', app.Stderr.Lines.Where(l => !l.TrimStart().StartsWith("at ", StringComparison.Ordinal)).TakeLast(60)));
            throw;
        }
    }

    private async Task RunAsync(ActorEchoProcess app, int limit)
    {
        var port = await app.WaitForListeningAsync();

        using var first = await LoopbackClient.ConnectAsync(port);
        await RoundTripAsync(first, 1);

        // More clients than descriptors: the kernel completes every handshake (backlog 1024), the server cannot accept them all.
        var excess = new List<LoopbackClient>();
        try
        {
            for (var i = 0; i < Excess; i++)
            {
                excess.Add(await LoopbackClient.ConnectAsync(port));
            }

            await app.Stderr.WaitForLineAsync(IsAcceptError, TimeSpan.FromSeconds(15), "an accept-error warning");
            var starved = Stopwatch.StartNew();
            while (starved.Elapsed < StarvedFor)
            {
                await RoundTripAsync(first, 2); // the connection it already has keeps echoing while accept fails
            }

            var logged = app.Stderr.Lines.Count(IsAcceptError);
            var allowed = (int)Math.Ceiling(starved.Elapsed.TotalSeconds) + 2;
            output.WriteLine($"{logged} accept-error warnings in {starved.Elapsed.TotalSeconds:F1} s of EMFILE; fds now {app.OpenFileDescriptors} of {limit}");
            Assert.True(logged <= allowed, $"{logged} accept-error warnings in {starved.Elapsed}: more than one per second.");
        }
        finally
        {
            excess.ForEach(c => c.Dispose());
        }

        // Descriptors come back as the excess connections close; a new client is then accepted and served (bounded retries).
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var late = await LoopbackClient.ConnectAsync(port);
                await RoundTripAsync(late, 3);
                break;
            }
            catch (Exception ex) when (ex is IOException or EndOfStreamException or OperationCanceledException or System.Net.Sockets.SocketException && deadline.Elapsed < TimeSpan.FromSeconds(20))
            {
                output.WriteLine($"not served yet: {ex.GetType().Name}");
            }
        }

        await RoundTripAsync(first, 4);
        Assert.False(app.Stderr.Lines.Any(l => l.Contains("Listener", StringComparison.Ordinal) && l.Contains("stopped unexpectedly", StringComparison.Ordinal)), "The listener died and was re-bound.");
        app.Terminate();
        Assert.Equal(0, await app.WaitForExitAsync());
    }

    private static bool IsAcceptError(string line) => line.Contains("Accept on", StringComparison.Ordinal) && line.Contains("failed", StringComparison.Ordinal);

    private static async Task RoundTripAsync(LoopbackClient client, int seed)
    {
        var data = new byte[256];
        new Random(seed).NextBytes(data);
        await client.SendAsync(data);
        Assert.Equal(data, await client.ReceiveExactlyAsync(data.Length));
    }
}
