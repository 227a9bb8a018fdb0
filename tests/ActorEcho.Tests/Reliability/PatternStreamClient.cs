using System.Net;
using System.Net.Sockets;

namespace ActorEcho.Tests.Reliability;

/// <summary>
/// A client that streams its own seeded byte pattern without pause and reads the echo at the same time, checking every echoed byte
/// against the pattern as it arrives. At most <see cref="Window"/> bytes are unechoed at any time, so a thousand of them stay a
/// bounded load. <see cref="StopSending"/> ends the sending; reading goes on until the server closes the connection.
/// </summary>
internal sealed class PatternStreamClient : IDisposable
{
    /// <summary>Most bytes sent and not yet echoed.</summary>
    public const int Window = 64 * 1024;

    private const int Chunk = 4096;

    /// <summary>Length of the random table the patterns are cut from; a prime, so no chunk or window size lines up with it.</summary>
    private const int TableLength = 65_537;

    private static readonly byte[] s_table = CreateTable();

    private readonly Socket _socket;
    private readonly int _offset;
    private readonly SemaphoreSlim _progress = new(0, 1);
    private readonly CancellationTokenSource _stopSending = new();
    private readonly TaskCompletionSource _streaming = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _sent;
    private long _received;
    private Task? _sending;
    private Task<string>? _reading;

    private PatternStreamClient(Socket socket, int seed)
    {
        _socket = socket;
        _offset = (int)((uint)seed * 7919u % TableLength);
    }

    /// <summary>Bytes handed to the socket (sends that completed).</summary>
    public long Sent => Volatile.Read(ref _sent);

    /// <summary>Echoed bytes read so far; every one of them matched the pattern (otherwise reading stopped with a mismatch).</summary>
    public long Received => Volatile.Read(ref _received);

    /// <summary>Completes once a full <see cref="Window"/> has been echoed: the stream is flowing both ways.</summary>
    public Task Streaming => _streaming.Task;

    /// <summary>Connects to 127.0.0.1:<paramref name="port"/>; the client with <paramref name="seed"/> sends its own pattern.</summary>
    public static async Task<PatternStreamClient> ConnectAsync(int port, int seed, CancellationToken cancellationToken)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), cancellationToken);
            return new PatternStreamClient(socket, seed);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Byte <paramref name="position"/> of the pattern of the client whose table offset is <paramref name="offset"/>.</summary>
    public static byte PatternAt(int offset, long position) =>
        (byte)(s_table[(int)((position + offset) % TableLength)] ^ (byte)(position / TableLength));

    /// <summary>Starts sending and reading; <paramref name="cancellationToken"/> bounds the whole run.</summary>
    public void Start(CancellationToken cancellationToken)
    {
        _sending = Task.Run(() => SendAsync(cancellationToken), CancellationToken.None);
        _reading = Task.Run(() => ReadAsync(cancellationToken), CancellationToken.None);
    }

    /// <summary>No send starts after this call (one in progress may still complete).</summary>
    public void StopSending() => _stopSending.Cancel();

    /// <summary>Waits until the server closed the connection; returns how the connection ended: <c>eof</c>, <c>reset</c>, or a mismatch.</summary>
    public async Task<string> CompletionAsync()
    {
        var ending = await _reading!;
        await _sending!;
        return ending;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _socket.Dispose();
        _stopSending.Dispose();
        _progress.Dispose();
    }

    private async Task SendAsync(CancellationToken cancellationToken)
    {
        var chunk = new byte[Chunk];
        try
        {
            while (!_stopSending.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                if (Sent - Received > Window - Chunk)
                {
                    await _progress.WaitAsync(TimeSpan.FromMilliseconds(100), cancellationToken);
                    continue;
                }

                var position = _sent;
                for (var i = 0; i < chunk.Length; i++)
                {
                    chunk[i] = PatternAt(_offset, position + i);
                }

                var memory = chunk.AsMemory();
                while (!memory.IsEmpty)
                {
                    var n = await _socket.SendAsync(memory, SocketFlags.None, cancellationToken);
                    memory = memory[n..];
                    Volatile.Write(ref _sent, _sent + n);
                }
            }
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The server closed or reset the connection (or the run timed out; the reader reports that).
        }
    }

    private async Task<string> ReadAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                var n = await _socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken);
                if (n == 0)
                {
                    _streaming.TrySetException(new EndOfStreamException($"Closed by the server after {_received} bytes."));
                    return "eof";
                }

                var position = _received;
                for (var i = 0; i < n; i++)
                {
                    if (buffer[i] != PatternAt(_offset, position + i))
                    {
                        return $"mismatch at byte {position + i}";
                    }
                }

                Volatile.Write(ref _received, position + n);
                if (position + n >= Window)
                {
                    _streaming.TrySetResult();
                }

                if (_progress.CurrentCount == 0)
                {
                    _progress.Release();
                }
            }
        }
        catch (SocketException ex) when (ex.SocketErrorCode is SocketError.ConnectionReset or SocketError.ConnectionAborted)
        {
            return "reset";
        }
        catch (OperationCanceledException)
        {
            return "timed out";
        }
    }

    private static byte[] CreateTable()
    {
        var table = new byte[TableLength];
        new Random(7).NextBytes(table);
        return table;
    }
}
