using System.Net;
using System.Net.Sockets;

namespace ActorEcho.TestFixtures;

/// <summary>How a client's read of the rest of a connection ended.</summary>
public enum ClientEnd
{
    /// <summary>The server sent FIN: a receive returned 0 bytes.</summary>
    Eof,

    /// <summary>The server reset the connection (RST): a receive failed with <see cref="SocketError.ConnectionReset"/>.</summary>
    Reset,

    /// <summary>A receive failed with another socket error (see <see cref="ReceiveOutcome.Error"/>).</summary>
    Error,

    /// <summary>Neither EOF nor an error arrived in time.</summary>
    Timeout,
}

/// <summary>What a client read until the connection ended, and how it ended.</summary>
public sealed record ReceiveOutcome(byte[] Data, ClientEnd End, SocketError? Error = null)
{
    /// <inheritdoc />
    public override string ToString() => $"{Data.Length} bytes, then {End}{(Error is { } e ? $" ({e})" : string.Empty)}";
}

/// <summary>
/// A raw loopback TCP client, to observe exactly what a peer of the TCP layer or the echo server sees (shared by the IO and Server tests). Every operation is bounded by a timeout
/// (default <see cref="DefaultTimeout"/>); a timeout throws <see cref="TimeoutException"/> (except in
/// <see cref="ReceiveUntilEofAsync"/>, which reports it as <see cref="ClientEnd.Timeout"/>).
/// </summary>
public sealed class LoopbackClient : IDisposable
{
    /// <summary>The default bound of every socket operation.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(15);

    private LoopbackClient(Socket socket) => Socket = socket;

    /// <summary>The client's socket.</summary>
    public Socket Socket { get; }

    /// <summary>The client's own address (the server's <c>Connected.RemoteAddress</c>).</summary>
    public IPEndPoint LocalEndPoint => (IPEndPoint)Socket.LocalEndPoint!;

    /// <summary>The server's address (the server's <c>Connected.LocalAddress</c>).</summary>
    public IPEndPoint RemoteEndPoint => (IPEndPoint)Socket.RemoteEndPoint!;

    /// <summary>Connects to 127.0.0.1:<paramref name="port"/>.</summary>
    public static Task<LoopbackClient> ConnectAsync(int port, TimeSpan? timeout = null) =>
        ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), timeout);

    /// <summary>Connects to <paramref name="server"/>; <paramref name="receiveBufferSize"/> (set before connecting) shrinks the kernel's receive window.</summary>
    public static async Task<LoopbackClient> ConnectAsync(EndPoint server, TimeSpan? timeout = null, int? receiveBufferSize = null)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            if (receiveBufferSize is { } size)
            {
                socket.ReceiveBufferSize = size;
            }

            using var cts = new CancellationTokenSource(timeout ?? DefaultTimeout);
            try
            {
                await socket.ConnectAsync(server, cts.Token);
            }
            catch (OperationCanceledException ex) when (cts.IsCancellationRequested)
            {
                throw new TimeoutException($"Connect to {server} did not complete within {timeout ?? DefaultTimeout}.", ex);
            }

            return new LoopbackClient(socket);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Sends all of <paramref name="data"/>.</summary>
    public async Task SendAsync(ReadOnlyMemory<byte> data, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? DefaultTimeout);
        try
        {
            while (!data.IsEmpty)
            {
                var sent = await Socket.SendAsync(data, SocketFlags.None, cts.Token);
                data = data[sent..];
            }
        }
        catch (OperationCanceledException ex) when (cts.IsCancellationRequested)
        {
            throw new TimeoutException($"Send did not complete within {timeout ?? DefaultTimeout} ({data.Length} bytes left).", ex);
        }
    }

    /// <summary>Sends <paramref name="data"/> and receives exactly as many bytes back.</summary>
    public async Task<byte[]> RoundTripAsync(ReadOnlyMemory<byte> data, TimeSpan? timeout = null)
    {
        var sending = SendAsync(data, timeout);
        var echoed = await ReceiveExactlyAsync(data.Length, timeout);
        await sending;
        return echoed;
    }

    /// <summary>Sends <paramref name="data"/> in separate sends of at most <paramref name="chunkSize"/> bytes.</summary>
    public async Task SendChunkedAsync(ReadOnlyMemory<byte> data, int chunkSize, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? DefaultTimeout);
        try
        {
            while (!data.IsEmpty)
            {
                var chunk = data[..Math.Min(chunkSize, data.Length)];
                while (!chunk.IsEmpty)
                {
                    var sent = await Socket.SendAsync(chunk, SocketFlags.None, cts.Token);
                    chunk = chunk[sent..];
                    data = data[sent..];
                }
            }
        }
        catch (OperationCanceledException ex) when (cts.IsCancellationRequested)
        {
            throw new TimeoutException($"Chunked send did not complete within {timeout ?? DefaultTimeout} ({data.Length} bytes left).", ex);
        }
    }

    /// <summary>Receives exactly <paramref name="count"/> bytes; fails on timeout, EOF or error before that.</summary>
    public async Task<byte[]> ReceiveExactlyAsync(int count, TimeSpan? timeout = null)
    {
        var buffer = new byte[count];
        var received = 0;
        using var cts = new CancellationTokenSource(timeout ?? DefaultTimeout);
        try
        {
            while (received < count)
            {
                var n = await Socket.ReceiveAsync(buffer.AsMemory(received), SocketFlags.None, cts.Token);
                if (n == 0)
                {
                    throw new IOException($"EOF after {received} of {count} expected bytes.");
                }

                received += n;
            }
        }
        catch (OperationCanceledException ex) when (cts.IsCancellationRequested)
        {
            throw new TimeoutException($"Received only {received} of {count} bytes within {timeout ?? DefaultTimeout}.", ex);
        }

        return buffer;
    }

    /// <summary>
    /// Reads until EOF, an error or the timeout, whichever comes first; returns what was read and how it ended. Never reads more than
    /// <paramref name="maxBytes"/> (then it reports <see cref="ClientEnd.Timeout"/>, since no end was seen).
    /// </summary>
    public async Task<ReceiveOutcome> ReceiveUntilEofAsync(TimeSpan? timeout = null, int maxBytes = 64 << 20)
    {
        using var data = new MemoryStream();
        var buffer = new byte[64 << 10];
        using var cts = new CancellationTokenSource(timeout ?? DefaultTimeout);
        try
        {
            while (data.Length < maxBytes)
            {
                var n = await Socket.ReceiveAsync(buffer.AsMemory(), SocketFlags.None, cts.Token);
                if (n == 0)
                {
                    return new ReceiveOutcome(data.ToArray(), ClientEnd.Eof);
                }

                data.Write(buffer, 0, n);
            }

            return new ReceiveOutcome(data.ToArray(), ClientEnd.Timeout);
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
            return new ReceiveOutcome(data.ToArray(), ClientEnd.Timeout);
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.ConnectionReset)
        {
            return new ReceiveOutcome(data.ToArray(), ClientEnd.Reset, ex.SocketErrorCode);
        }
        catch (SocketException ex)
        {
            return new ReceiveOutcome(data.ToArray(), ClientEnd.Error, ex.SocketErrorCode);
        }
    }

    /// <summary>Reads until the server's FIN and returns everything read; a reset, an error or the timeout throws.</summary>
    public async Task<byte[]> ReceiveToEndAsync(TimeSpan? timeout = null)
    {
        var outcome = await ReceiveUntilEofAsync(timeout);
        return outcome.End == ClientEnd.Eof ? outcome.Data : throw new IOException($"Expected the server's FIN, but got {outcome}.");
    }

    /// <summary>
    /// Sends without ever reading until the server stops reading too: a send stays blocked for <paramref name="quiet"/>. The server then
    /// has echoes it cannot get rid of (this client's receive window is full) and has suspended reading at its high-water mark.
    /// Bounded by <see cref="DefaultTimeout"/>; returns the bytes sent.
    /// </summary>
    public long FillUntilServerStopsReading(TimeSpan quiet)
    {
        var chunk = new byte[64 * 1024];
        var deadline = DateTime.UtcNow + DefaultTimeout;
        long sent = 0;
        Socket.Blocking = false;
        try
        {
            while (DateTime.UtcNow < deadline)
            {
                var n = Socket.Send(chunk, 0, chunk.Length, SocketFlags.None, out var error);
                if (error == SocketError.Success)
                {
                    sent += n;
                }
                else if (error != SocketError.WouldBlock)
                {
                    throw new SocketException((int)error);
                }
                else if (!Socket.Poll(quiet, SelectMode.SelectWrite))
                {
                    return sent;
                }
            }

            throw new TimeoutException($"The server kept reading for {DefaultTimeout} ({sent} bytes sent).");
        }
        finally
        {
            Socket.Blocking = true;
        }
    }

    /// <summary>Half-closes: sends FIN, keeps receiving.</summary>
    public void ShutdownSend() => Socket.Shutdown(SocketShutdown.Send);

    /// <summary>Closes with RST instead of FIN (linger on, timeout 0).</summary>
    public void Reset()
    {
        Socket.LingerState = new LingerOption(true, 0);
        Socket.Close();
    }

    /// <inheritdoc />
    public void Dispose() => Socket.Dispose();
}
