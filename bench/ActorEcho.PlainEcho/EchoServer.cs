using System.Buffers;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ActorEcho.PlainEcho;

/// <summary>Binds Kestrel's socket transport and echoes every connection's input pipe to its output pipe.</summary>
internal static class EchoServer
{
    public static async Task<int> RunAsync(IPEndPoint endPoint, CancellationToken stop)
    {
        // The options actorecho's TCP layer sets from hocon/reference/io.conf (src/ActorEcho.IO/Internal/TcpExtension.cs).
        var factory = new SocketTransportFactory(
            Options.Create(new SocketTransportOptions
            {
                NoDelay = true,
                MaxReadBufferSize = 1 << 20,
                MaxWriteBufferSize = 64 << 10,
                WaitForDataBeforeAllocatingBuffer = true,
                UnsafePreferInlineScheduling = true,
                Backlog = 1024,
            }),
            NullLoggerFactory.Instance);

        IConnectionListener listener;
        try
        {
            listener = await factory.BindAsync(endPoint, stop);
        }
        catch (Exception e) when (e is SocketException or AddressInUseException)
        {
            await Console.Error.WriteLineAsync($"PlainEcho: cannot listen on {endPoint}: {e.Message}");
            return 1;
        }

        Console.WriteLine($"Listening on {listener.EndPoint}");
        await using (listener)
        {
            await AcceptLoopAsync(listener, stop);
        }

        return 0;
    }

    private static async Task AcceptLoopAsync(IConnectionListener listener, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            ConnectionContext? connection;
            try
            {
                connection = await listener.AcceptAsync(stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (SocketException e)
            {
                // Out of descriptors or an aborted handshake: say so and keep serving the connections already open.
                await Console.Error.WriteLineAsync($"PlainEcho: accept failed: {e.Message}");
                await Task.Delay(10, stop).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                continue;
            }

            if (connection is null)
            {
                return;
            }

            _ = EchoAsync(connection);
        }
    }

    private static async Task EchoAsync(ConnectionContext connection)
    {
        var input = connection.Transport.Input;
        var output = connection.Transport.Output;
        try
        {
            while (true)
            {
                var read = await input.ReadAsync();
                var buffer = read.Buffer;
                foreach (var segment in buffer)
                {
                    output.Write(segment.Span);
                }

                input.AdvanceTo(buffer.End);
                var flush = await output.FlushAsync();
                if (read.IsCompleted || read.IsCanceled || flush.IsCompleted)
                {
                    break;
                }
            }
        }
        catch (ConnectionResetException)
        {
            // The peer reset the connection: nothing left to echo.
        }
        catch (ConnectionAbortedException)
        {
            // Aborted by the transport (e.g. during shutdown).
        }
        finally
        {
            await input.CompleteAsync();
            await output.CompleteAsync();
            await connection.DisposeAsync();
        }
    }
}
