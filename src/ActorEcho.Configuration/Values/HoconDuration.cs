namespace ActorEcho.Configuration;

/// <summary>
/// Parses HOCON durations such as <c>5s</c>, <c>250ms</c>, <c>2 minutes</c>, <c>1.5h</c>, <c>10 us</c> or <c>3d</c>;
/// a bare number means milliseconds, as in the HOCON spec.
/// </summary>
public static class HoconDuration
{
    /// <summary>Parses a duration or throws <see cref="FormatException"/>.</summary>
    public static TimeSpan Parse(string text) =>
        TryParse(text, out var value) ? value : throw new FormatException($"'{text}' is not a valid duration (e.g. 5s, 250ms)");

    /// <summary>Parses a duration; returns false for unknown units, malformed numbers or overflow.</summary>
    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = default;
        if (!UnitNumber.TrySplit(text, out var number, out var unit))
        {
            return false;
        }

        decimal ticksPerUnit = unit switch
        {
            "ns" or "nano" or "nanos" or "nanosecond" or "nanoseconds" => 0.01m,
            "us" or "micro" or "micros" or "microsecond" or "microseconds" => 10m,
            "" or "ms" or "milli" or "millis" or "millisecond" or "milliseconds" => TimeSpan.TicksPerMillisecond,
            "s" or "second" or "seconds" => TimeSpan.TicksPerSecond,
            "m" or "minute" or "minutes" => TimeSpan.TicksPerMinute,
            "h" or "hour" or "hours" => TimeSpan.TicksPerHour,
            "d" or "day" or "days" => TimeSpan.TicksPerDay,
            _ => 0m,
        };

        if (ticksPerUnit == 0m || !UnitNumber.TryScale(number, ticksPerUnit, out var ticks))
        {
            return false;
        }

        value = TimeSpan.FromTicks(ticks);
        return true;
    }

    /// <summary>True for the words that mean "no timeout": infinite, inf, off, none.</summary>
    internal static bool IsInfinite(string text) =>
        text.Trim().ToUpperInvariant() is "INFINITE" or "INF" or "OFF" or "NONE";
}
