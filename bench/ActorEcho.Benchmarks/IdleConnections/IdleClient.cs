using System.Net;
using System.Net.Sockets;
using ActorEcho.IO;

namespace ActorEcho.Benchmarks.IdleConnections;

/// <summary>
/// The child process of <see cref="IdleConnectionMemory"/>: opens N loopback connections that never send, says so on stdout, and
/// holds them until its stdin closes. A separate process, so its sockets are not part of the server's heap or RSS.
/// </summary>
internal static class IdleClient
{
    /// <summary>The line written once every connection is established.</summary>
    public const string ReadyLine = "connected";

    private const int ConnectsInFlight = 64;

    public static async Task<int> RunAsync(int port, int count)
    {
        FileDescriptors.RaiseSoftLimitToHard();
        var endPoint = new IPEndPoint(IPAddress.Loopback, port);
        var sockets = new Socket[count];
        var next = -1;
        var connectors = Enumerable.Range(0, Math.Min(ConnectsInFlight, count)).Select(async _ =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < count)
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                await socket.ConnectAsync(endPoint);
                sockets[index] = socket;
            }
        });
        await Task.WhenAll(connectors);
        Console.WriteLine(ReadyLine);
        await Console.In.ReadToEndAsync();
        foreach (var socket in sockets)
        {
            socket.Dispose();
        }

        return 0;
    }
}
