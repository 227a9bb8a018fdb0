using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace ActorEcho.Server.Tests.Integration;

/// <summary>The kernel's queues of one TCP socket: bytes written but not yet acknowledged by the peer, and bytes received but not yet read.</summary>
public readonly record struct TcpQueues(long Send, long Receive);

/// <summary>
/// Reads the kernel's per-socket queues from Linux's <c>/proc/net/tcp</c> (IPv4), which lists every socket of the machine, including the
/// server's side of a loopback connection that a test cannot reach otherwise. Elsewhere it reports nothing.
/// </summary>
public static class KernelTcpQueues
{
    private const string ProcNetTcp = "/proc/net/tcp";

    /// <summary>The queues of the IPv4 socket bound to <paramref name="local"/> and connected to <paramref name="remote"/>, or null.</summary>
    public static TcpQueues? Find(IPEndPoint local, IPEndPoint remote)
    {
        if (!OperatingSystem.IsLinux() || local.AddressFamily != AddressFamily.InterNetwork || !File.Exists(ProcNetTcp))
        {
            return null;
        }

        var localText = Format(local);
        var remoteText = Format(remote);
        foreach (var line in File.ReadLines(ProcNetTcp).Skip(1))
        {
            // sl local_address rem_address st tx_queue:rx_queue ...
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 5 || fields[1] != localText || fields[2] != remoteText)
            {
                continue;
            }

            var queues = fields[4].Split(':');
            return new TcpQueues(
                long.Parse(queues[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture),
                long.Parse(queues[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture));
        }

        return null;
    }

    /// <summary>The kernel prints the address as the 32-bit value in host byte order (little-endian here), then the port.</summary>
    private static string Format(IPEndPoint endPoint)
    {
        var address = BitConverter.ToUInt32(endPoint.Address.GetAddressBytes());
        return string.Create(CultureInfo.InvariantCulture, $"{address:X8}:{endPoint.Port:X4}");
    }
}
