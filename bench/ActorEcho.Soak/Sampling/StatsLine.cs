using System.Globalization;
using System.Text.RegularExpressions;

namespace ActorEcho.Soak.Sampling;

/// <summary>
/// Reads the figures the soak needs from actorecho's <c>--stats-interval</c> line
/// (<c>stats: active=12 accepted=340 … busiest-mailbox=4 heap=3.1 MiB</c>).
/// </summary>
internal static partial class StatsLine
{
    /// <summary>The last stats line among <paramref name="lines"/> (a server log), or null.</summary>
    public static string? Last(IEnumerable<string> lines) =>
        lines.LastOrDefault(l => l.Contains("stats: ", StringComparison.Ordinal));

    /// <summary><c>active=N</c>, or null if the line has none.</summary>
    public static long? Active(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var match = ActivePattern().Match(line);
        return match.Success ? long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : null;
    }

    /// <summary><c>heap=3.1 MiB</c> in bytes (binary units, one decimal as printed), or null if the line has none.</summary>
    public static long? HeapBytes(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var match = HeapPattern().Match(line);
        if (!match.Success)
        {
            return null;
        }

        var value = double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture);
        var scale = match.Groups["unit"].Value switch
        {
            "B" => 1.0,
            "KiB" => 1024.0,
            "MiB" => 1024.0 * 1024,
            "GiB" => 1024.0 * 1024 * 1024,
            _ => 1024.0 * 1024 * 1024 * 1024,
        };
        return (long)Math.Round(value * scale);
    }

    [GeneratedRegex(@"\bactive=(\d+)\b")]
    private static partial Regex ActivePattern();

    [GeneratedRegex(@"\bheap=(?<value>\d+(\.\d+)?) (?<unit>B|KiB|MiB|GiB|TiB)\b")]
    private static partial Regex HeapPattern();
}
