using System.Diagnostics;
using System.Net.Sockets;

namespace ActorEcho.Cli.Bench;

/// <summary>
/// What the workers of one run share: the options, the connector, the measurement window, one <see cref="ConnectionStats"/> per
/// worker, and the signals between runner and workers (all initial connections settled; idle: time to verify).
/// </summary>
internal sealed class BenchRun : IDisposable
{
    private readonly TaskCompletionSource _allConnected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _verify = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _measuring = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Socket? _firstSocket;
    private int _connecting;
    private long _tickets;

    /// <summary>Prepares a run of <paramref name="options"/>; <paramref name="firstSocket"/> is the probe connection, used by worker 0.</summary>
    public BenchRun(BenchOptions options, Connector connector, Socket firstSocket)
    {
        Options = options;
        Connector = connector;
        _firstSocket = firstSocket;
        _connecting = options.Connections;
        Stats = new ConnectionStats[options.Connections];
        var withHistogram = options.Mode != BenchMode.Idle; // idle measures one echo per connection: no 31 KiB histogram each
        for (var i = 0; i < Stats.Length; i++)
        {
            Stats[i] = new ConnectionStats(withHistogram);
        }
    }

    /// <summary>The run's flags.</summary>
    public BenchOptions Options { get; }

    /// <summary>Opens connections.</summary>
    public Connector Connector { get; }

    /// <summary>The measurement window.</summary>
    public BenchClock Clock { get; } = new();

    /// <summary>One entry per worker.</summary>
    public ConnectionStats[] Stats { get; }

    /// <summary>Completes once every worker's initial connection has been opened or has failed.</summary>
    public Task AllConnected => _allConnected.Task;

    /// <summary>Idle mode: completes when the hold is over and each connection should prove it still echoes.</summary>
    public Task Verify => _verify.Task;

    /// <summary>Completes when the measured window opens (<see cref="StartMeasuring"/>): the hostile modes pace themselves from it.</summary>
    public Task Measuring => _measuring.Task;

    /// <summary>The server watched with <c>--server-pid</c> in a hostile mode, sampled at every progress tick; null otherwise.</summary>
    public ServerWatch? Server { get; init; }

    /// <summary>Opens the measured window at <paramref name="timestamp"/> and releases the workers waiting for <see cref="Measuring"/>.</summary>
    public void StartMeasuring(long timestamp)
    {
        Clock.StartMeasuring(timestamp);
        _measuring.TrySetResult();
    }

    /// <summary>Flood: the next connect of the run's schedule (0, 1, 2, …), shared by all workers.</summary>
    public long NextTicket() => Interlocked.Increment(ref _tickets) - 1;

    /// <summary>Opens worker <paramref name="index"/>'s first connection (worker 0 gets the probe connection); null if it failed.</summary>
    public async Task<Socket?> ConnectInitialAsync(int index)
    {
        var stats = Stats[index];
        Socket? socket;
        if (index == 0 && Interlocked.Exchange(ref _firstSocket, null) is { } first)
        {
            stats.CountConnectionEstablished();
            stats.Socket = first;
            socket = first;
        }
        else
        {
            socket = await Connector.ConnectInitialAsync(index, stats).ConfigureAwait(false);
        }

        if (Interlocked.Decrement(ref _connecting) == 0)
        {
            _allConnected.TrySetResult();
        }

        return socket;
    }

    /// <summary>
    /// Starts worker <paramref name="index"/> of a mode that needs its connection to do anything: gives the caller's thread back (the
    /// runner starts all workers in one loop), then opens the first connection; null, with the worker marked finished, if that failed.
    /// </summary>
    public async Task<Socket?> StartWorkerAsync(int index)
    {
        await Task.Yield();
        var socket = await ConnectInitialAsync(index).ConfigureAwait(false);
        if (socket is null)
        {
            Finished(index);
        }

        return socket;
    }

    /// <summary>Closes a worker's connection.</summary>
    public static void Close(ConnectionStats stats, Socket socket)
    {
        stats.Socket = null;
        socket.Dispose();
    }

    /// <summary>Marks worker <paramref name="index"/> as finished.</summary>
    public void Finished(int index) => Stats[index].FinishedAt = Stopwatch.GetTimestamp();

    /// <summary>Idle mode: lets every connection verify its echo.</summary>
    public void StartVerifying() => _verify.TrySetResult();

    /// <summary>Disposes the sockets of workers still busy (the grace period after the end is over); their failures are not errors.</summary>
    public void Abort()
    {
        Clock.Abort();
        foreach (var stats in Stats)
        {
            stats.Socket?.Dispose();
        }
    }

    /// <summary>
    /// Counts an echo that broke off with <paramref name="received"/> of its bytes in: a short read if some had come or the run
    /// aborted it (not back within <see cref="BenchRunner.Grace"/> of the end), else an unexpected close.
    /// </summary>
    public void CountBrokenEcho(ConnectionStats stats, long received)
    {
        if (received > 0 || Clock.Aborted)
        {
            stats.CountShortRead();
        }
        else
        {
            stats.CountUnexpectedClose();
        }
    }

    /// <summary>Whether <paramref name="exception"/> is how a socket operation fails when the connection breaks (or is aborted).</summary>
    public static bool IsConnectionFailure(Exception exception) => exception is SocketException or ObjectDisposedException or IOException;

    /// <inheritdoc/>
    public void Dispose()
    {
        _firstSocket?.Dispose();
        Connector.Dispose();
    }
}
