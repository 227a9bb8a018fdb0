using System.Diagnostics;

namespace ActorEcho.Cli.Bench;

/// <summary>
/// The measurement window every worker reads: operations that start at or after <see cref="MeasureFrom"/> are measured, none starts
/// at or after <see cref="StopAt"/>. Both are Stopwatch timestamps, <see cref="long.MaxValue"/> until the runner sets them; the
/// runner writes, workers only read (volatile), so the hot path takes no lock.
/// </summary>
internal sealed class BenchClock
{
    private long _measureFrom = long.MaxValue;
    private long _stopAt = long.MaxValue;
    private volatile bool _aborted;

    /// <summary>Start of the measured window, or <see cref="long.MaxValue"/> while connecting or warming up.</summary>
    public long MeasureFrom => Volatile.Read(ref _measureFrom);

    /// <summary>No operation starts at or after this timestamp; <see cref="long.MaxValue"/> when the run is bounded by count.</summary>
    public long StopAt => Volatile.Read(ref _stopAt);

    /// <summary>Set when the runner disposed the sockets of workers still busy after the grace period: their errors are not counted.</summary>
    public bool Aborted => _aborted;

    /// <summary>Whether an operation starting at <paramref name="timestamp"/> is past the end of the run.</summary>
    public bool IsOver(long timestamp) => timestamp >= Volatile.Read(ref _stopAt);

    /// <summary>Opens the measured window at <paramref name="timestamp"/>.</summary>
    public void StartMeasuring(long timestamp) => Volatile.Write(ref _measureFrom, timestamp);

    /// <summary>Ends the run at <paramref name="timestamp"/> (or now, if it is earlier than a stop already set).</summary>
    public void StopAtOrBefore(long timestamp)
    {
        long current;
        do
        {
            current = Volatile.Read(ref _stopAt);
            if (timestamp >= current)
            {
                return;
            }
        }
        while (Interlocked.CompareExchange(ref _stopAt, timestamp, current) != current);
    }

    /// <summary>Waits until the Stopwatch timestamp <paramref name="due"/> (the hostile modes' pacing); false, at once, if the run ends before it.</summary>
    public async ValueTask<bool> WaitUntilAsync(long due)
    {
        if (IsOver(due))
        {
            return false;
        }

        var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait).ConfigureAwait(false);
        }

        return true;
    }

    /// <summary>Marks the run as aborted before the runner disposes the sockets of workers still busy.</summary>
    public void Abort() => _aborted = true;
}
