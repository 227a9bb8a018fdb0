using System.Globalization;
using ActorEcho.Compare.Model;

namespace ActorEcho.Compare;

/// <summary>The command line of the compare tool, parsed and validated; <see cref="Parse"/> says what is wrong in one line.</summary>
internal sealed record CompareOptions
{
    public const string Usage =
        "usage: ActorEcho.Compare [--quick] [--servers a,b] [--scenarios x,y] [--runs N] [--duration SECONDS] [--warmup SECONDS] " +
        "[--idle-connections N] [--no-build] [--no-docs]";

    public bool Quick { get; init; }

    public int Runs { get; init; } = 3;

    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(1.5);

    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(0.5);

    /// <summary>How long the idle scenario holds its connections open before it measures and verifies them.</summary>
    public TimeSpan IdleHold { get; init; } = TimeSpan.FromSeconds(1);

    public int IdleConnections { get; init; } = 10_000;

    /// <summary>Concurrent connect-echo-close loops in the churn scenario.</summary>
    public int ChurnConnections { get; init; } = 16;

    public IReadOnlyList<string> Servers { get; init; } = [.. ServerKind.All.Select(s => s.Name)];

    /// <summary>Scenario names or modes (<c>rr</c> selects every rr point); empty means all.</summary>
    public IReadOnlyList<string> Scenarios { get; init; } = [];

    public bool Build { get; init; } = true;

    public bool WriteDocs { get; init; } = true;

    /// <summary>The arguments as given, for the report's command line.</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];

    public static CompareOptions Parse(IReadOnlyList<string> args, out string? error)
    {
        error = null;
        var quick = args.Contains("--quick");
        var options = quick
            ? new CompareOptions { Quick = true, Runs = 1, Duration = TimeSpan.FromSeconds(1), Warmup = TimeSpan.FromSeconds(0.25), IdleConnections = 2_000, WriteDocs = false }
            : new CompareOptions();
        options = options with { Arguments = [.. args] };
        for (var i = 0; i < args.Count && error is null; i++)
        {
            var flag = args[i];
            string? Value() => i + 1 < args.Count ? args[++i] : null;
            options = flag switch
            {
                "--quick" => options,
                "--no-build" => options with { Build = false },
                "--no-docs" => options with { WriteDocs = false },
                "--runs" => WithInt(options, flag, Value(), 1, 15, (o, v) => o with { Runs = v }, ref error),
                "--idle-connections" => WithInt(options, flag, Value(), 1, 100_000, (o, v) => o with { IdleConnections = v }, ref error),
                "--duration" => WithSeconds(options, flag, Value(), 0.1, (o, v) => o with { Duration = v }, ref error),
                "--warmup" => WithSeconds(options, flag, Value(), 0, (o, v) => o with { Warmup = v }, ref error),
                "--servers" => WithList(options, flag, Value(), ServerKind.Known.Select(s => s.Name), (o, v) => o with { Servers = v }, ref error),
                "--scenarios" => WithList(options, flag, Value(), Matrix.Names, (o, v) => o with { Scenarios = v }, ref error),
                _ => Fail(options, $"unknown option '{flag}'", ref error),
            };
        }

        return options;
    }

    private static CompareOptions WithInt(CompareOptions o, string flag, string? text, int min, int max, Func<CompareOptions, int, CompareOptions> set, ref string? error) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max
            ? set(o, v)
            : Fail(o, $"{flag} needs a whole number from {min} to {max}, got '{text}'", ref error);

    private static CompareOptions WithSeconds(CompareOptions o, string flag, string? text, double min, Func<CompareOptions, TimeSpan, CompareOptions> set, ref string? error) =>
        double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var v) && v >= min && v <= 600
            ? set(o, TimeSpan.FromSeconds(v))
            : Fail(o, $"{flag} needs seconds from {min.ToString(CultureInfo.InvariantCulture)} to 600, got '{text}'", ref error);

    private static CompareOptions WithList(CompareOptions o, string flag, string? text, IEnumerable<string> known, Func<CompareOptions, IReadOnlyList<string>, CompareOptions> set, ref string? error)
    {
        var names = (text ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var allowed = known.ToHashSet(StringComparer.Ordinal);
        var unknown = names.FirstOrDefault(n => !allowed.Contains(n));
        if (names.Length == 0 || unknown is not null)
        {
            return Fail(o, $"{flag}: unknown name '{unknown ?? text}' (known: {string.Join(", ", allowed.Order(StringComparer.Ordinal))})", ref error);
        }

        return set(o, names);
    }

    private static CompareOptions Fail(CompareOptions o, string message, ref string? error)
    {
        error = message;
        return o;
    }
}
