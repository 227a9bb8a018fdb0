using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ActorEcho.Cli.Bench;

/// <summary>
/// Opens the run's connections: paced by <c>--ramp</c>, at most <see cref="MaxConcurrentInitialConnects"/> handshakes at once so a
/// full listen backlog (and its 1 s SYN retry) is not what gets measured, each with TCP_NODELAY and a timeout.
/// </summary>
internal sealed class Connector : IDisposable
{
    /// <summary>Initial connection attempts in flight at once when opening many connections.</summary>
    public const int MaxConcurrentInitialConnects = 100;

    /// <summary>How long one connection attempt may take before it counts as failed.</summary>
    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(10);

    private readonly EndPoint _endpoint;
    private readonly double _ramp;
    private readonly SemaphoreSlim _gate = new(MaxConcurrentInitialConnects);
    private long _rampStart;

    /// <summary>Connects to <paramref name="endpoint"/>, opening the initial connections at <paramref name="ramp"/> per second (0: unpaced).</summary>
    public Connector(EndPoint endpoint, double ramp)
    {
        _endpoint = endpoint;
        _ramp = ramp;
    }

    /// <summary>The server's address.</summary>
    public EndPoint Endpoint => _endpoint;

    /// <summary>Starts the ramp's clock: connection <c>i</c> is opened <c>i / ramp</c> seconds after this.</summary>
    public void StartRamp() => _rampStart = Stopwatch.GetTimestamp();

    /// <summary>Opens connection <paramref name="index"/>'s first connection at its ramp time; null (counted) if it fails.</summary>
    public async Task<Socket?> ConnectInitialAsync(int index, ConnectionStats stats)
    {
        if (_ramp > 0)
        {
            var due = _rampStart + StopwatchTicks.FromTimeSpan(TimeSpan.FromSeconds(index / _ramp));
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait).ConfigureAwait(false);
            }
        }

        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            return await ConnectAsync(stats).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Opens one connection now; null (counted in <paramref name="stats"/>) if it fails or times out.</summary>
    public async Task<Socket?> ConnectAsync(ConnectionStats stats)
    {
        var socket = new Socket(_endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            using var timeout = new CancellationTokenSource(ConnectTimeout);
            await socket.ConnectAsync(_endpoint, timeout.Token).ConfigureAwait(false);
            stats.CountConnectionEstablished();
            stats.Socket = socket;
            return socket;
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException or ObjectDisposedException)
        {
            socket.Dispose();
            stats.CountConnectFailure();
            return null;
        }
    }

    /// <summary>Opens the probe connection that decides whether the server is reachable at all; throws what the connect threw.</summary>
    public async Task<Socket> ConnectFirstAsync()
    {
        var socket = new Socket(_endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            using var timeout = new CancellationTokenSource(ConnectTimeout);
            await socket.ConnectAsync(_endpoint, timeout.Token).ConfigureAwait(false);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _gate.Dispose();
}
