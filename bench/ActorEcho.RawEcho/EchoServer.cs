using System.Buffers;
using System.Net;
using System.Net.Sockets;

namespace ActorEcho.RawEcho;

/// <summary>Listens on a plain socket and echoes each connection with one receive/send loop, renting a buffer only while data waits.</summary>
internal static class EchoServer
{
    /// <summary>The size of one rented receive buffer: the block size of Kestrel's memory pool, so both baselines read alike.</summary>
    private const int BufferSize = 4096;

    public static async Task<int> RunAsync(IPEndPoint endPoint, CancellationToken stop)
    {
        using var listener = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            listener.Bind(endPoint);
            listener.Listen(1024);
        }
        catch (SocketException e)
        {
            await Console.Error.WriteLineAsync($"RawEcho: cannot listen on {endPoint}: {e.Message}");
            return 1;
        }

        Console.WriteLine($"Listening on {listener.LocalEndPoint}");
        await AcceptLoopAsync(listener, stop);
        return 0;
    }

    private static async Task AcceptLoopAsync(Socket listener, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await listener.AcceptAsync(stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (SocketException e)
            {
                // Out of descriptors or an aborted handshake: say so and keep serving the connections already open.
                await Console.Error.WriteLineAsync($"RawEcho: accept failed: {e.Message}");
                await Task.Delay(10, stop).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                continue;
            }

            socket.NoDelay = true;
            _ = EchoAsync(socket);
        }
    }

    private static async Task EchoAsync(Socket socket)
    {
        try
        {
            while (true)
            {
                // A zero-byte receive completes when data (or the end of the stream) is ready, so an idle connection holds no buffer.
                await socket.ReceiveAsync(Memory<byte>.Empty, SocketFlags.None);
                var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
                try
                {
                    var received = await socket.ReceiveAsync(buffer.AsMemory(), SocketFlags.None);
                    if (received == 0)
                    {
                        return;
                    }

                    for (var sent = 0; sent < received;)
                    {
                        sent += await socket.SendAsync(buffer.AsMemory(sent, received - sent), SocketFlags.None);
                    }
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                }
            }
        }
        catch (SocketException)
        {
            // Reset or aborted by the peer: nothing left to echo.
        }
        catch (ObjectDisposedException)
        {
            // Closed during shutdown.
        }
        finally
        {
            socket.Dispose();
        }
    }
}
