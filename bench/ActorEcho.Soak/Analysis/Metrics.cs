namespace ActorEcho.Soak.Analysis;

/// <summary>The sampled metrics: names as in the CSV, the chart and the report, and how to read each from a sample.</summary>
internal static class Metrics
{
    public const string Rss = "rss_mib";
    public const string Descriptors = "open_fds";
    public const string Threads = "threads";
    public const string Heap = "gc_heap_mib";

    public static IReadOnlyList<string> All { get; } = [Rss, Descriptors, Threads, Heap];

    /// <summary>The metric's value in <paramref name="sample"/> (MiB for memory), or null when it was not available.</summary>
    public static double? Value(string metric, Sampling.Sample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        return metric switch
        {
            Rss => sample.RssBytes / 1048576.0,
            Descriptors => sample.OpenDescriptors,
            Threads => sample.Threads,
            Heap => sample.HeapBytes / 1048576.0,
            _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "unknown metric"),
        };
    }
}
