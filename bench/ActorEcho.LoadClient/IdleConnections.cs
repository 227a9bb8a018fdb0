using System.Globalization;
using System.Net.Sockets;

namespace ActorEcho.LoadClient;

/// <summary>Opens N connections, checks each echoes one byte, and reports the server's RSS growth per connection (/proc/PID/status VmRSS).</summary>
internal static class IdleConnections
{
    public static async Task<int> RunAsync(string host, int port, int connections, int serverPid)
    {
        var before = RssKiB(serverPid);
        var sockets = await Connect.AllAsync(host, port, connections);
        var probe = new byte[1];
        var errors = 0;
        foreach (var socket in sockets)
        {
            await socket.SendAsync(new byte[] { 42 }, SocketFlags.None);
            if (await socket.ReceiveAsync(probe, SocketFlags.None) != 1 || probe[0] != 42)
            {
                errors++;
            }
        }

        var after = RssKiB(serverPid);
        Console.WriteLine($"idle connections={connections} server_rss_before_kib={before} server_rss_after_kib={after} per_connection_bytes={(after - before) * 1024.0 / connections:F0} errors={errors}");
        foreach (var socket in sockets)
        {
            socket.Dispose();
        }

        return errors == 0 ? 0 : 1;
    }

    private static long RssKiB(int pid)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
            }
        }

        throw new InvalidOperationException($"no VmRSS for pid {pid}");
    }
}
