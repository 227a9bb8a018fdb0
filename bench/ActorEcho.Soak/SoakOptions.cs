using System.Globalization;

namespace ActorEcho.Soak;

/// <summary>Command-line options of the soak tool.</summary>
internal sealed record SoakOptions
{
    public const string Usage = "usage: soak [--duration 10m] [--interval 10s] [--no-record]   (durations: 90s, 3m, 1h, 500ms, or bare seconds)";

    /// <summary>How long the load runs (default 10 minutes).</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Time between samples (default 10 s; also the server's <c>--stats-interval</c>).</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Write docs/charts/soak.svg and the section of docs/reliability.md (bench/results/soak.* are always written).</summary>
    public bool Record { get; init; } = true;

    public static SoakOptions Parse(IReadOnlyList<string> args, out string? error)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new SoakOptions();
        error = null;
        for (var i = 0; i < args.Count && error is null; i++)
        {
            var flag = args[i];
            string? Value() => i + 1 < args.Count ? args[++i] : null;
            switch (flag)
            {
                case "--duration":
                    options = ParseDuration(Value()) is { } d ? options with { Duration = d } : Fail(flag, out error, options);
                    break;
                case "--interval":
                    options = ParseDuration(Value()) is { } v ? options with { Interval = v } : Fail(flag, out error, options);
                    break;
                case "--no-record":
                    options = options with { Record = false };
                    break;
                default:
                    error = $"unknown option '{flag}'";
                    break;
            }
        }

        if (error is null && options.Duration < options.Interval * 3 * Analysis.Flatness.MinimumPerThird)
        {
            error = $"--duration {options.Duration} is too short for --interval {options.Interval}: each third of the run needs at least {Analysis.Flatness.MinimumPerThird} samples";
        }

        return options;
    }

    /// <summary>A positive duration: <c>500ms</c>, <c>90s</c>, <c>3m</c>, <c>1h</c>, or a bare number of seconds; null if malformed.</summary>
    public static TimeSpan? ParseDuration(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        text = text.Trim();
        var (number, unit) = text.EndsWith("ms", StringComparison.Ordinal) ? (text[..^2], 0.001)
            : text.EndsWith('s') ? (text[..^1], 1.0)
            : text.EndsWith('m') ? (text[..^1], 60.0)
            : text.EndsWith('h') ? (text[..^1], 3600.0)
            : (text, 1.0);
        return double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0 && double.IsFinite(value)
            ? TimeSpan.FromSeconds(value * unit)
            : null;
    }

    private static SoakOptions Fail(string flag, out string error, SoakOptions options)
    {
        error = $"{flag} needs a positive duration such as 10s or 3m";
        return options;
    }
}
