using System.Net.Sockets;

namespace ActorEcho.Cli.Bench;

/// <summary>
/// What one connection (one worker) measured. Written only by its worker, so the hot path takes no lock and shares no cache line
/// with other workers; the progress line reads the counters with <see cref="Volatile"/> while the run goes on, the summary after it.
/// </summary>
internal sealed class ConnectionStats
{
    private long _operations;
    private long _errors;

    /// <summary>Creates the counters, with a latency histogram unless the mode records at most one latency per connection.</summary>
    public ConnectionStats(bool withHistogram)
    {
        Histogram = withHistogram ? new LatencyHistogram() : null;
    }

    /// <summary>Latencies of measured operations in nanoseconds, or null when <see cref="SingleLatency"/> is used instead.</summary>
    public LatencyHistogram? Histogram { get; }

    /// <summary>The latency of the one measured operation (idle mode), in nanoseconds; -1 when none.</summary>
    public long SingleLatency { get; set; } = -1;

    /// <summary>Measured operations (echoes verified, stream writes echoed, churn cycles).</summary>
    public long Operations => Volatile.Read(ref _operations);

    /// <summary>Echoed payload bytes of the measured operations (one direction).</summary>
    public long Bytes { get; private set; }

    /// <summary>Echoes (stream: received segments) whose bytes differed from what was sent.</summary>
    public long Mismatches { get; private set; }

    /// <summary>Connections closed by the server after part of an echo came back.</summary>
    public long ShortReads { get; private set; }

    /// <summary>Connections closed or reset by the server with no echo in progress, or failing with a socket error.</summary>
    public long UnexpectedCloses { get; private set; }

    /// <summary>Connection attempts that failed or timed out.</summary>
    public long ConnectFailures { get; private set; }

    /// <summary>Connection attempts that succeeded.</summary>
    public long ConnectionsEstablished { get; private set; }

    /// <summary>All errors so far: mismatches, short reads, unexpected closes and connect failures.</summary>
    public long Errors => Volatile.Read(ref _errors);

    /// <summary>The connection's socket while it is open, so the runner can abort operations still pending after the grace period.</summary>
    public Socket? Socket { get; set; }

    /// <summary>Stopwatch timestamp at which the worker finished; 0 while it runs.</summary>
    public long FinishedAt { get; set; }

    /// <summary>Counts one measured operation of <paramref name="bytes"/> payload bytes that took <paramref name="latencyTicks"/> Stopwatch ticks.</summary>
    public void RecordOperation(long bytes, long latencyTicks)
    {
        var nanoseconds = StopwatchTicks.ToNanoseconds(latencyTicks);
        if (Histogram is null)
        {
            SingleLatency = nanoseconds;
        }
        else
        {
            Histogram.Record(nanoseconds);
        }

        Bytes += bytes;
        Volatile.Write(ref _operations, _operations + 1);
    }

    /// <summary>Counts an echo whose bytes differ from what was sent.</summary>
    public void CountMismatch()
    {
        Mismatches++;
        CountError();
    }

    /// <summary>Counts a close in the middle of an echo.</summary>
    public void CountShortRead()
    {
        ShortReads++;
        CountError();
    }

    /// <summary>Counts a close or reset outside an echo, or a socket error.</summary>
    public void CountUnexpectedClose()
    {
        UnexpectedCloses++;
        CountError();
    }

    /// <summary>Counts a failed connection attempt.</summary>
    public void CountConnectFailure()
    {
        ConnectFailures++;
        CountError();
    }

    /// <summary>Counts a successful connection attempt.</summary>
    public void CountConnectionEstablished() => ConnectionsEstablished++;

    private void CountError() => Volatile.Write(ref _errors, _errors + 1);
}
