using System.Globalization;

namespace ActorEcho.Cli.Bench;

/// <summary>The text forms of <c>--size</c> (<c>64</c>, <c>4k</c>, <c>4KiB</c>, <c>1MiB</c>) and of durations (<c>10s</c>, <c>500ms</c>, <c>2m</c>).</summary>
internal static class BenchValueParsers
{
    private static readonly (string Suffix, long Factor)[] s_sizeUnits =
    [
        ("KiB", 1024), ("KB", 1024), ("K", 1024),
        ("MiB", 1024 * 1024), ("MB", 1024 * 1024), ("M", 1024 * 1024),
        ("GiB", 1024 * 1024 * 1024), ("GB", 1024 * 1024 * 1024), ("G", 1024 * 1024 * 1024),
        ("B", 1),
    ];

    private static readonly (string Suffix, double Milliseconds)[] s_durationUnits =
    [
        ("ms", 1), ("s", 1000), ("m", 60_000), ("h", 3_600_000),
    ];

    /// <summary>Parses a byte count: a whole number with an optional binary unit (k/KB/KiB = 1024, m/MB/MiB = 1024², g/GB/GiB = 1024³, b), case-insensitive.</summary>
    public static bool TryParseSize(string text, out long bytes)
    {
        bytes = 0;
        var trimmed = text.Trim();
        long factor = 1;
        foreach (var (suffix, unitFactor) in s_sizeUnits)
        {
            if (trimmed.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                trimmed = trimmed[..^suffix.Length].TrimEnd();
                factor = unitFactor;
                break;
            }
        }

        if (!long.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number > long.MaxValue / factor)
        {
            return false;
        }

        bytes = number * factor;
        return true;
    }

    /// <summary>Parses a duration: a non-negative number with a unit (ms, s, m, h); a bare number means seconds.</summary>
    public static bool TryParseDuration(string text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        var trimmed = text.Trim();
        double milliseconds = 1000;
        foreach (var (suffix, unitMilliseconds) in s_durationUnits)
        {
            if (trimmed.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                trimmed = trimmed[..^suffix.Length].TrimEnd();
                milliseconds = unitMilliseconds;
                break;
            }
        }

        if (!double.TryParse(trimmed, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
            || double.IsNaN(number) || double.IsInfinity(number) || number * milliseconds > TimeSpan.MaxValue.TotalMilliseconds / 2)
        {
            return false;
        }

        duration = TimeSpan.FromMilliseconds(number * milliseconds);
        return true;
    }
}
