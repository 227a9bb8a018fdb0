using System.Net;
using System.Net.Sockets;

namespace ActorEcho.Tests.Bench;

/// <summary>How <see cref="TestEchoServer"/> misbehaves, if at all.</summary>
internal enum EchoFault
{
    /// <summary>Echo every byte unchanged.</summary>
    None,

    /// <summary>Flip the bits of one byte in each chunk echoed after the first 100 bytes of a connection.</summary>
    FlipByte,

    /// <summary>Echo half of the first chunk received, then close.</summary>
    CloseMidEcho,

    /// <summary>Read everything, echo nothing.</summary>
    Swallow,
}

/// <summary>
/// A plain socket echo server on 127.0.0.1:0 for the load client's tests, optionally corrupting or cutting the echo. Each connection
/// is one async loop; disposing stops the listener, closes every connection and waits (bounded) for the loops.
/// </summary>
internal sealed class TestEchoServer : IAsyncDisposable
{
    private readonly Socket _listener = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
    private readonly EchoFault _fault;
    private readonly List<Task> _connections = [];
    private readonly List<Socket> _sockets = [];
    private readonly Task _acceptLoop;
    private int _accepted;

    public TestEchoServer(EchoFault fault = EchoFault.None)
    {
        _fault = fault;
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _listener.Listen(512);
        _acceptLoop = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndPoint!).Port;

    /// <summary>Connections accepted so far.</summary>
    public int Accepted => Volatile.Read(ref _accepted);

    public async ValueTask DisposeAsync()
    {
        _listener.Dispose();
        lock (_sockets)
        {
            foreach (var socket in _sockets)
            {
                socket.Dispose();
            }
        }

        Task[] loops;
        lock (_connections)
        {
            loops = [.. _connections, _acceptLoop];
        }

        await Task.WhenAll(loops).WaitAsync(TimeSpan.FromSeconds(30));
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var socket = await _listener.AcceptAsync();
                Interlocked.Increment(ref _accepted);
                lock (_sockets)
                {
                    _sockets.Add(socket);
                }

                lock (_connections)
                {
                    _connections.Add(Task.Run(() => EchoAsync(socket)));
                }
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // listener closed
        }
    }

    private async Task EchoAsync(Socket socket)
    {
        var buffer = new byte[16 * 1024];
        long position = 0;
        try
        {
            while (true)
            {
                var n = await socket.ReceiveAsync(buffer, SocketFlags.None);
                if (n == 0)
                {
                    socket.Shutdown(SocketShutdown.Send);
                    return;
                }

                switch (_fault)
                {
                    case EchoFault.FlipByte when position + n > 100:
                        buffer[n - 1] ^= 0xFF;
                        break;
                    case EchoFault.Swallow:
                        continue;
                    case EchoFault.CloseMidEcho:
                        await socket.SendAsync(buffer.AsMemory(0, Math.Max(1, n / 2)), SocketFlags.None);
                        socket.Close();
                        return;
                    default:
                        break;
                }

                position += n;
                await socket.SendAsync(buffer.AsMemory(0, n), SocketFlags.None);
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // client reset or server disposed
        }
        finally
        {
            socket.Dispose();
        }
    }
}
