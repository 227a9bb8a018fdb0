using System.Diagnostics;
using ActorEcho.TestFixtures;
using ActorEcho.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ActorEcho.Tests.Reliability;

/// <summary>
/// Running out of descriptors (Akka.NET #7969: one accept error killed the listener): the real server under a lowered RLIMIT_NOFILE,
/// with more clients than descriptors. The server keeps <c>descriptor-reserve</c> descriptors free (the .NET runtime aborts when it
/// cannot open a file), so it refuses the excess at once instead of meeting EMFILE: it stays bound and alive, logs the refusals at
/// most once per second, keeps echoing on the connections it has, and accepts again as soon as descriptors are free.
/// </summary>
public sealed class AcceptErrorTests(ITestOutputHelper output)
{
    /// <summary>The default <c>actorecho.io.tcp.descriptor-reserve</c>.</summary>
    private const int Reserve = 64;

    /// <summary>Descriptors above the idle count and the reserve: room for a few connections.</summary>
    private const int Headroom = 8;
    private const int Excess = 40;

    /// <summary>How long the server is kept at its limit.</summary>
    private static readonly TimeSpan StarvedFor = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task MoreClientsThanDescriptors_ServerRefusesTheExcessStaysUpServesExistingAndAcceptsAgainWhenFree()
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

        var limit = idle + Reserve + Headroom;
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
        Assert.Contains(app.Stderr.Lines, l => l.Contains("open-file limit", StringComparison.Ordinal) && l.Contains("raise it", StringComparison.Ordinal));

        using var first = await LoopbackClient.ConnectAsync(port);
        await RoundTripAsync(first, 1);

        // More clients than descriptors: a few are served, the rest are accepted and closed at once.
        var excess = new List<LoopbackClient>();
        var served = 0;
        try
        {
            var starved = Stopwatch.StartNew();
            for (var i = 0; i < Excess; i++)
            {
                if (await TryConnectAsync(port) is not { } client)
                {
                    continue; // reset before the connect completed: refused
                }

                excess.Add(client);
                if (await TryRoundTripAsync(client, 100 + i))
                {
                    served++;
                }
            }

            await app.Stderr.WaitForLineAsync(IsRefusal, TimeSpan.FromSeconds(15), "a refusal warning");
            while (starved.Elapsed < StarvedFor)
            {
                await RoundTripAsync(first, 2); // the connection it already has keeps echoing at the limit
            }

            var logged = app.Stderr.Lines.Count(IsRefusal);
            var allowed = (int)Math.Ceiling(starved.Elapsed.TotalSeconds) + 2;
            output.WriteLine($"{served} of {Excess} extra clients served; {logged} refusal warnings in {starved.Elapsed.TotalSeconds:F1} s; fds now {app.OpenFileDescriptors} of {limit}");
            Assert.InRange(served, 1, Headroom + 4);
            Assert.True(logged <= allowed, $"{logged} refusal warnings in {starved.Elapsed}: more than one per second.");
            Assert.True(app.OpenFileDescriptors < limit, "The server used its last descriptors.");
        }
        finally
        {
            excess.ForEach(c => c.Dispose());
        }

        // Descriptors come back as the extra connections close; a new client is then accepted and served (bounded retries).
        var deadline = Stopwatch.StartNew();
        var lateServed = false;
        for (var attempt = 0; attempt < 100 && !lateServed && deadline.Elapsed < TimeSpan.FromSeconds(20); attempt++)
        {
            using var late = await TryConnectAsync(port);
            lateServed = late is not null && await TryRoundTripAsync(late, 3);
        }

        Assert.True(lateServed, "No new client was served after the extra connections closed.");
        await RoundTripAsync(first, 4);
        app.Terminate();
        Assert.Equal(0, await app.WaitForExitAsync());
    }

    private static bool IsRefusal(string line) => line.Contains("Refused", StringComparison.Ordinal) && line.Contains("open-file limit", StringComparison.Ordinal);

    private static async Task<LoopbackClient?> TryConnectAsync(int port)
    {
        try
        {
            return await LoopbackClient.ConnectAsync(port);
        }
        catch (System.Net.Sockets.SocketException ex) when (ex.SocketErrorCode == System.Net.Sockets.SocketError.ConnectionReset)
        {
            return null;
        }
    }

    private static async Task RoundTripAsync(LoopbackClient client, int seed)
    {
        var data = Payload(seed);
        await client.SendAsync(data);
        Assert.Equal(data, await client.ReceiveExactlyAsync(data.Length));
    }

    /// <summary>True if the client's data came back; false if the server closed or reset the connection instead (or never answered).</summary>
    private static async Task<bool> TryRoundTripAsync(LoopbackClient client, int seed)
    {
        var data = Payload(seed);
        try
        {
            await client.SendAsync(data);
            var echoed = await client.ReceiveExactlyAsync(data.Length);
            Assert.Equal(data, echoed);
            return true;
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or System.Net.Sockets.SocketException)
        {
            return false;
        }
    }

    private static byte[] Payload(int seed)
    {
        var data = new byte[256];
        new Random(seed).NextBytes(data);
        return data;
    }
}
