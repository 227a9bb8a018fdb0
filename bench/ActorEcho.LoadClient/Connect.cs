using System.Net;
using System.Net.Sockets;

namespace ActorEcho.LoadClient;

/// <summary>Opens connections in batches of 100, so a listen backlog is never the bottleneck being measured.</summary>
internal static class Connect
{
    public static async Task<Socket[]> AllAsync(string host, int port, int count)
    {
        var endpoint = new IPEndPoint(IPAddress.Parse(host), port);
        var sockets = new Socket[count];
        for (var start = 0; start < count; start += 100)
        {
            var batch = Enumerable.Range(start, Math.Min(100, count - start)).Select(async i =>
            {
                var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                await socket.ConnectAsync(endpoint);
                sockets[i] = socket;
            });
            await Task.WhenAll(batch);
        }

        return sockets;
    }
}
