using System.Net;
using System.Net.Sockets;

namespace ActorEcho.Compare.Running;

/// <summary>Picks a loopback port nobody listens on (the kernel's choice for port 0, released at once).</summary>
internal static class FreePort
{
    public static int Next()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }
}
