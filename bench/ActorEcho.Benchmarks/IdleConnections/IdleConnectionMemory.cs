using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime;
using ActorEcho.IO;

namespace ActorEcho.Benchmarks.IdleConnections;

/// <summary>
/// Memory per idle connection, measured inside the server's process: start an echo server here (ActorEcho's, or the plain .NET
/// baseline), warm it up, take a snapshot after a full GC, let a child process (<see cref="IdleClient"/>) open N connections that never
/// send, wait until every one is accepted and the server has gone quiet, and take another. The deltas divided by N are the
/// retained managed bytes and the RSS per connection; the client's sockets are not in them.
/// </summary>
/// <remarks>
/// <c>--hold-seconds S</c> keeps the connections open after the measurement, for a heap breakdown by type from outside
/// (<c>dotnet-dump collect -p PID</c>, then <c>dumpheap -stat</c> against a run with N = 0). <c>--allocations</c> adds what the
/// connections allocated by type, garbage included (<see cref="AllocationSampler"/>).
/// </remarks>
internal static class IdleConnectionMemory
{
    private const int WarmupConnections = 100;
    private static readonly TimeSpan s_settleTimeout = TimeSpan.FromSeconds(120);

    public static async Task<int> RunAsync(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
        var plain = args.Contains("plain");
        var holdIndex = Array.IndexOf(args, "--hold-seconds");
        var hold = holdIndex >= 0 ? TimeSpan.FromSeconds(int.Parse(args[holdIndex + 1], CultureInfo.InvariantCulture)) : TimeSpan.Zero;
        using var sampler = args.Contains("--allocations") ? new AllocationSampler() : null;

        // As both servers' hosts do: socket completions on the epoll thread (read once, before the first socket).
        Environment.SetEnvironmentVariable("DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS", "1");
        FileDescriptors.RaiseSoftLimitToHard();

        await using IIdleServer server = plain ? PlainIdleServer.Start() : await ActorIdleServer.StartAsync();
        var sockets = SocketDescriptors.Count();
        await WarmUpAsync(server.Port);
        await WaitForAsync(() => SocketDescriptors.Count() <= sockets, "the warm-up connections to close");
        await WaitForQuietAsync();
        var before = MemorySnapshot.Take();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        sampler?.Start();

        using var client = StartClient(server.Port, count);
        var ready = await client.StandardOutput.ReadLineAsync();
        if (ready != IdleClient.ReadyLine)
        {
            await Console.Error.WriteLineAsync($"idle client failed: {ready} {await client.StandardError.ReadToEndAsync()}");
            return 1;
        }

        await WaitForAsync(() => SocketDescriptors.Count() >= sockets + count, $"{count:N0} accepted connections");
        await WaitForQuietAsync();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        sampler?.Stop();
        var after = MemorySnapshot.Take();

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"server: {(plain ? "plain-dotnet" : "actorecho")}; idle connections: {count:N0}; GC: {(GCSettings.IsServerGC ? "server" : "workstation")}, concurrent {IsConcurrent()}"));
        Report("managed (live objects)", before.Managed, after.Managed, count);
        Report("GC heap size", before.HeapSize, after.HeapSize, count);
        Report("GC committed", before.Committed, after.Committed, count);
        Report("process RSS", before.Rss, after.Rss, count);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {"allocated (all, garbage too)",-24} {allocated / 1048576.0,8:N1} MiB in total: {allocated / (double)Math.Max(1, count),8:N0} B per connection"));
        sampler?.Report(count);
        if (hold > TimeSpan.Zero)
        {
            Console.WriteLine($"holding {count:N0} connections for {hold.TotalSeconds:N0} s; pid {Environment.ProcessId}");
            await Task.Delay(hold);
        }

        client.StandardInput.Close();
        await client.WaitForExitAsync();
        return 0;
    }

    private static void Report(string what, long before, long after, int count) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {what,-24} {before / 1048576.0,8:N1} MiB -> {after / 1048576.0,8:N1} MiB: {(after - before) / (double)Math.Max(1, count),8:N0} B per connection"));

    private static string IsConcurrent() =>
        GCSettings.LatencyMode == GCLatencyMode.Batch ? "off" : "on";

    /// <summary>JIT and first-use growth happen here, not in the measurement: a hundred connections echo once and close.</summary>
    private static async Task WarmUpAsync(int port)
    {
        var payload = new byte[64];
        await Task.WhenAll(Enumerable.Range(0, WarmupConnections).Select(async _ =>
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port));
            await socket.SendAsync(payload, SocketFlags.None);
            var buffer = new byte[payload.Length];
            var received = 0;
            while (received < buffer.Length)
            {
                var n = await socket.ReceiveAsync(buffer.AsMemory(received), SocketFlags.None);
                if (n == 0)
                {
                    throw new IOException("the server closed a warm-up connection");
                }

                received += n;
            }

            socket.Shutdown(SocketShutdown.Send);
            while (await socket.ReceiveAsync(buffer, SocketFlags.None) > 0)
            {
            }
        }));
    }

    private static Process StartClient(int port, int count)
    {
        // This same program, in its idle-client mode.
        var self = typeof(IdleConnectionMemory).Assembly.Location;
        var host = Environment.ProcessPath!;
        var start = new ProcessStartInfo(host)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            start.ArgumentList.Add(self);
        }

        start.ArgumentList.Add("idle-client");
        start.ArgumentList.Add(port.ToString(CultureInfo.InvariantCulture));
        start.ArgumentList.Add(count.ToString(CultureInfo.InvariantCulture));
        return Process.Start(start)!;
    }

    private static async Task WaitForAsync(Func<bool> condition, string what)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            if (deadline.Elapsed > s_settleTimeout)
            {
                throw new TimeoutException($"gave up waiting for {what}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Waits until the thread pool has nothing queued and finished no new work for a while (Registers done, read loops parked).</summary>
    private static async Task WaitForQuietAsync()
    {
        var quietChecks = 0;
        var completed = ThreadPool.CompletedWorkItemCount;
        var deadline = Stopwatch.StartNew();
        while (quietChecks < 5 && deadline.Elapsed < s_settleTimeout)
        {
            await Task.Delay(100);
            var now = ThreadPool.CompletedWorkItemCount;

            // This loop's own continuations count as completed work: a few per check is quiet.
            quietChecks = ThreadPool.PendingWorkItemCount == 0 && now - completed < 10 ? quietChecks + 1 : 0;
            completed = now;
        }
    }
}
