using System.Net;
using System.Net.Sockets;

namespace ActorEcho.Tests.Infrastructure;

/// <summary>A TCP client of the server on 127.0.0.1 whose every operation is bounded by <see cref="Timeout"/>.</summary>
internal sealed class LoopbackClient : IDisposable
{
    /// <summary>Bound of each socket operation.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    private readonly Socket _socket;

    private LoopbackClient(Socket socket) => _socket = socket;

    /// <summary>Connects to 127.0.0.1:<paramref name="port"/>.</summary>
    public static async Task<LoopbackClient> ConnectAsync(int port)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            using var cts = new CancellationTokenSource(Timeout);
            await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), cts.Token);
            return new LoopbackClient(socket);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Sends all of <paramref name="data"/>.</summary>
    public async Task SendAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(Timeout);
        while (!data.IsEmpty)
        {
            var sent = await _socket.SendAsync(data, SocketFlags.None, cts.Token);
            data = data[sent..];
        }
    }

    /// <summary>
    /// Sends without ever reading until the server stops reading too: a send stays blocked for <paramref name="quiet"/>. The server then
    /// has echoes it cannot get rid of (this client's receive window is full) and has suspended reading at its high-water mark, so
    /// a drain cannot finish before its timeout. Bounded by <see cref="Timeout"/>; returns the bytes sent.
    /// </summary>
    public long FillUntilServerStopsReading(TimeSpan quiet)
    {
        var chunk = new byte[64 * 1024];
        var deadline = DateTime.UtcNow + Timeout;
        long sent = 0;
        _socket.Blocking = false;
        try
        {
            while (DateTime.UtcNow < deadline)
            {
                var n = _socket.Send(chunk, 0, chunk.Length, SocketFlags.None, out var error);
                if (error == SocketError.Success)
                {
                    sent += n;
                }
                else if (error != SocketError.WouldBlock)
                {
                    throw new SocketException((int)error);
                }
                else if (!_socket.Poll(quiet, SelectMode.SelectWrite))
                {
                    return sent;
                }
            }

            throw new TimeoutException($"The server kept reading for {Timeout} ({sent} bytes sent).");
        }
        finally
        {
            _socket.Blocking = true;
        }
    }

    /// <summary>Reads exactly <paramref name="count"/> bytes.</summary>
    public async Task<byte[]> ReceiveExactlyAsync(int count)
    {
        var buffer = new byte[count];
        using var cts = new CancellationTokenSource(Timeout);
        var read = 0;
        while (read < count)
        {
            var n = await _socket.ReceiveAsync(buffer.AsMemory(read), SocketFlags.None, cts.Token);
            if (n == 0)
            {
                throw new EndOfStreamException($"The server closed after {read} of {count} bytes.");
            }

            read += n;
        }

        return buffer;
    }

    /// <summary>Reads until the server closes the connection (FIN) and returns everything read.</summary>
    public async Task<byte[]> ReceiveToEndAsync()
    {
        using var cts = new CancellationTokenSource(Timeout);
        using var all = new MemoryStream();
        var buffer = new byte[64 * 1024];
        while (true)
        {
            var n = await _socket.ReceiveAsync(buffer, SocketFlags.None, cts.Token);
            if (n == 0)
            {
                return all.ToArray();
            }

            all.Write(buffer, 0, n);
        }
    }

    /// <summary>Half-closes: no more data from this side (FIN).</summary>
    public void ShutdownSend() => _socket.Shutdown(SocketShutdown.Send);

    /// <inheritdoc />
    public void Dispose() => _socket.Dispose();
}
