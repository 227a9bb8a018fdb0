using System.Diagnostics;
using System.Net.Sockets;

namespace ActorEcho.LoadClient;

/// <summary>Each connection sends SIZE bytes, waits for all SIZE back, checks them, and repeats until the time is up.</summary>
internal static class RequestResponse
{
    public static async Task<int> RunAsync(string host, int port, int connections, int size, TimeSpan duration)
    {
        var sockets = await Connect.AllAsync(host, port, connections);
        using var stop = new CancellationTokenSource();
        var latencies = new List<long>[connections];
        var errors = 0;
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var started = Stopwatch.GetTimestamp();
        var tasks = new Task<long>[connections];
        for (var i = 0; i < connections; i++)
        {
            var index = i;
            latencies[i] = new List<long>(1024);
            tasks[i] = Task.Run(async () =>
            {
                try
                {
                    return await LoopAsync(sockets[index], size, (byte)index, latencies[index], stop.Token);
                }
                catch (Exception ex) when (ex is SocketException or IOException or InvalidDataException)
                {
                    Interlocked.Increment(ref errors);
                    return 0;
                }
            });
        }

        stop.CancelAfter(duration);
        var roundTrips = (await Task.WhenAll(tasks)).Sum();
        var elapsed = Stopwatch.GetElapsedTime(started);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        foreach (var socket in sockets)
        {
            socket.Dispose();
        }

        var all = latencies.SelectMany(l => l).Order().ToArray();
        double Percentile(double p) => all.Length == 0 ? 0 : Stopwatch.GetElapsedTime(0, all[Math.Min(all.Length - 1, (int)(p * all.Length))]).TotalMilliseconds;
        Console.WriteLine($"rr connections={connections} size={size} seconds={elapsed.TotalSeconds:F1} round_trips={roundTrips} rps={roundTrips / elapsed.TotalSeconds:F0} p50_ms={Percentile(0.50):F3} p99_ms={Percentile(0.99):F3} errors={errors} client_cpu_s={cpu.TotalSeconds:F1}");
        return errors == 0 ? 0 : 1;
    }

    private static async Task<long> LoopAsync(Socket socket, int size, byte seed, List<long> latencies, CancellationToken stop)
    {
        var request = new byte[size];
        for (var i = 0; i < size; i++)
        {
            request[i] = (byte)(seed + i);
        }

        var response = new byte[size];
        long count = 0;
        while (!stop.IsCancellationRequested)
        {
            var sent = Stopwatch.GetTimestamp();
            await socket.SendAsync(request, SocketFlags.None, CancellationToken.None);
            var received = 0;
            while (received < size)
            {
                var n = await socket.ReceiveAsync(response.AsMemory(received), SocketFlags.None, CancellationToken.None);
                if (n == 0)
                {
                    throw new IOException("server closed the connection");
                }

                received += n;
            }

            if (!response.AsSpan().SequenceEqual(request))
            {
                throw new InvalidDataException("echo mismatch");
            }

            if ((count & 15) == 0)
            {
                latencies.Add(Stopwatch.GetTimestamp() - sent);
            }

            count++;
        }

        return count;
    }
}
