using System.Diagnostics;

namespace ActorEcho.Cli.Bench;

/// <summary>Conversions of <see cref="Stopwatch"/> timestamps, which are nanoseconds on Linux but not everywhere.</summary>
internal static class StopwatchTicks
{
    private static readonly double s_nanosecondsPerTick = 1e9 / Stopwatch.Frequency;

    /// <summary>Stopwatch ticks in nanoseconds.</summary>
    public static long ToNanoseconds(long ticks) => Stopwatch.Frequency == 1_000_000_000 ? ticks : (long)(ticks * s_nanosecondsPerTick);

    /// <summary>A duration in Stopwatch ticks.</summary>
    public static long FromTimeSpan(TimeSpan duration) => (long)(duration.TotalSeconds * Stopwatch.Frequency);

    /// <summary>Stopwatch ticks in seconds.</summary>
    public static double ToSeconds(long ticks) => (double)ticks / Stopwatch.Frequency;
}
