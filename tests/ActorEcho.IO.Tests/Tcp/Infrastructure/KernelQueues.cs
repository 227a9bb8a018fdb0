using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace ActorEcho.IO.Tests.Tcp.Infrastructure;

/// <summary>
/// What the kernel holds for a loopback connection: the server socket's send queue (read from <c>/proc/net/tcp</c>, so Linux only)
/// and the client's receive queue. Lets a test check that bytes acked by the TCP layer really were handed to the kernel.
/// </summary>
public static class KernelQueues
{
    /// <summary>
    /// Bytes the kernel holds between the server and a client that does not read: the server's send queue (unsent or unacknowledged
    /// by the peer) plus the client's receive queue. The send queue is read first, so a byte that moves between them meanwhile is
    /// counted twice rather than missed: the result never undercounts.
    /// </summary>
    public static long BytesHeld(LoopbackClient client)
    {
        var sendQueue = ServerSendQueue(client.RemoteEndPoint, client.LocalEndPoint);
        return sendQueue + client.Socket.Available;
    }

    /// <summary>The tx_queue of the IPv4 socket <paramref name="local"/> → <paramref name="remote"/> in /proc/net/tcp.</summary>
    public static long ServerSendQueue(IPEndPoint local, IPEndPoint remote)
    {
        var localKey = Key(local);
        var remoteKey = Key(remote);
        foreach (var line in File.ReadLines("/proc/net/tcp").Skip(1))
        {
            // "sl local_address rem_address st tx_queue:rx_queue ..."
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length > 4 && fields[1] == localKey && fields[2] == remoteKey)
            {
                return long.Parse(fields[4].AsSpan(0, fields[4].IndexOf(':')), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            }
        }

        throw new InvalidOperationException($"No socket {local} -> {remote} in /proc/net/tcp.");
    }

    private static string Key(IPEndPoint endPoint)
    {
        if (endPoint.AddressFamily != AddressFamily.InterNetwork)
        {
            throw new ArgumentException("Only IPv4 endpoints are listed in /proc/net/tcp.", nameof(endPoint));
        }

        // The address is the 32-bit value in host (little-endian) order, the port in plain hex.
        var address = BitConverter.ToUInt32(endPoint.Address.GetAddressBytes());
        return address.ToString("X8", CultureInfo.InvariantCulture) + ":" + endPoint.Port.ToString("X4", CultureInfo.InvariantCulture);
    }
}
