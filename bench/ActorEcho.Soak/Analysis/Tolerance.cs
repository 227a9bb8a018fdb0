namespace ActorEcho.Soak.Analysis;

/// <summary>
/// How much a metric may grow from the second third of a soak to the last third: the larger of <paramref name="Relative"/> (0.10 =
/// +10%) of the earlier level and <paramref name="Absolute"/> units (so a count of 40 descriptors may still gain 2).
/// </summary>
internal sealed record Tolerance(string Metric, double Relative, double Absolute)
{
    /// <summary>RSS +10%, descriptors and threads +5% or +2, GC heap +20% (the heap's level moves with when the last GC ran).</summary>
    public static IReadOnlyList<Tolerance> Defaults { get; } =
    [
        new(Metrics.Rss, 0.10, 0),
        new(Metrics.Descriptors, 0.05, 2),
        new(Metrics.Threads, 0.05, 2),
        new(Metrics.Heap, 0.20, 0),
    ];

    /// <summary>The highest value that still counts as flat after <paramref name="baseline"/>.</summary>
    public double Limit(double baseline) => baseline + Math.Max(baseline * Relative, Absolute);

    /// <summary>"+10%", "+5% or +2".</summary>
    public string Describe() => (Relative, Absolute) switch
    {
        ( > 0, > 0) => FormattableString.Invariant($"+{Relative * 100:0}% or +{Absolute:0}"),
        ( > 0, _) => FormattableString.Invariant($"+{Relative * 100:0}%"),
        _ => FormattableString.Invariant($"+{Absolute:0}"),
    };
}
