using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.InteropServices;

namespace ActorEcho.Tests.Infrastructure;

/// <summary>What the kernel holds on a local TCP port (Linux): sockets in TIME_WAIT, and whether a plain bind would succeed.</summary>
internal static class PortState
{
    private const int AfInet = 2;
    private const int SockStream = 1;

    /// <summary>Linux errno for "address already in use".</summary>
    public const int AddressInUse = 98;

    /// <summary>TCP sockets on 127.0.0.1:<paramref name="port"/> in TIME_WAIT, from <c>/proc/net/tcp</c>.</summary>
    public static int TimeWaitCount(int port)
    {
        var local = $"0100007F:{port.ToString("X4", CultureInfo.InvariantCulture)}";
        return File.ReadLines("/proc/net/tcp")
            .Skip(1)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Count(fields => fields.Length > 3 && fields[1] == local && fields[3] == "06");
    }

    /// <summary>
    /// Binds a fresh libc socket to 127.0.0.1:<paramref name="port"/> WITHOUT SO_REUSEADDR (a .NET Socket sets it implicitly on Unix)
    /// and closes it again; returns 0 on success or the errno.
    /// </summary>
    public static int TryBindWithoutReuseAddress(int port)
    {
        var fd = Socket(AfInet, SockStream, 0);
        if (fd < 0)
        {
            throw new InvalidOperationException($"socket() failed: errno {Marshal.GetLastPInvokeError()}");
        }

        try
        {
            // struct sockaddr_in: family (host order), port and address (network order), 8 bytes of zero.
            var address = new byte[16];
            BinaryPrimitives.WriteUInt16LittleEndian(address, AfInet);
            BinaryPrimitives.WriteUInt16BigEndian(address.AsSpan(2), (ushort)port);
            address[4] = 127;
            address[7] = 1;
            return Bind(fd, address, address.Length) == 0 ? 0 : Marshal.GetLastPInvokeError();
        }
        finally
        {
            _ = Close(fd);
        }
    }

    [DllImport("libc", EntryPoint = "socket", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Socket(int domain, int type, int protocol);

    [DllImport("libc", EntryPoint = "bind", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Bind(int fd, byte[] address, int length);

    [DllImport("libc", EntryPoint = "close")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Close(int fd);
}
