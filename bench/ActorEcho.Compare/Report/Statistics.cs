namespace ActorEcho.Compare.Report;

/// <summary>The small statistics the report needs.</summary>
internal static class Statistics
{
    /// <summary>The median (the mean of the middle two for an even count), or null for no values.</summary>
    public static double? Median(IEnumerable<double> values)
    {
        var sorted = values.Where(v => !double.IsNaN(v)).Order().ToArray();
        if (sorted.Length == 0)
        {
            return null;
        }

        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /// <summary>ActorEcho's figure divided by another server's, or null when either is missing or the divisor is not positive.</summary>
    public static double? Ratio(double? actorEcho, double? other) =>
        actorEcho is { } a && other is { } o && o > 0 ? a / o : null;
}
