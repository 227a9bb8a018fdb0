using ActorEcho.Soak.Sampling;

namespace ActorEcho.Soak.Analysis;

/// <summary>
/// Decides whether the server's resources stayed flat: the first third of the run is warm-up (connections opening, JIT, pools
/// filling); the median of the last third must not exceed the median of the second third by more than the metric's tolerance.
/// Medians, not means or maxima, so one noisy sample on a shared machine does not decide; a leak moves the whole last third.
/// </summary>
internal static class Flatness
{
    /// <summary>Samples each third must hold for a verdict.</summary>
    public const int MinimumPerThird = 2;

    public static IReadOnlyList<Verdict> Check(IReadOnlyList<Sample> samples, IReadOnlyList<Tolerance> tolerances, double totalSeconds)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(tolerances);
        var third = totalSeconds / 3;
        var middle = samples.Where(s => s.Seconds >= third && s.Seconds < 2 * third).ToList();
        var last = samples.Where(s => s.Seconds >= 2 * third).ToList();
        return [.. tolerances.Select(t => Judge(t, middle, last))];
    }

    /// <summary>The median of <paramref name="values"/> (the mean of the two middle ones for an even count), or null if empty.</summary>
    public static double? Median(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return null;
        }

        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static Verdict Judge(Tolerance tolerance, List<Sample> middle, List<Sample> last)
    {
        var a = Values(tolerance.Metric, middle);
        var b = Values(tolerance.Metric, last);
        if (a.Count < MinimumPerThird || b.Count < MinimumPerThird)
        {
            return new Verdict(tolerance.Metric, Median(a), Median(b), null, tolerance.Describe(), false,
                FormattableString.Invariant($"too few samples ({a.Count} in the second third, {b.Count} in the last; {MinimumPerThird} needed each)"));
        }

        var baseline = Median(a)!.Value;
        var level = Median(b)!.Value;
        var limit = tolerance.Limit(baseline);
        var flat = level <= limit;
        return new Verdict(tolerance.Metric, baseline, level, limit, tolerance.Describe(), flat,
            flat ? null : FormattableString.Invariant($"grew from {baseline:0.##} to {level:0.##} (limit {limit:0.##})"));
    }

    private static List<double> Values(string metric, List<Sample> samples) =>
        [.. samples.Select(s => Metrics.Value(metric, s)).OfType<double>()];
}
