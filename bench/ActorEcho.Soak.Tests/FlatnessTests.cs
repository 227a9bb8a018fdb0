using ActorEcho.Soak.Analysis;
using ActorEcho.Soak.Sampling;

namespace ActorEcho.Soak.Tests;

public sealed class FlatnessTests
{
    private const double Total = 180;
    private const long MiB = 1024 * 1024;

    [Fact]
    public void Check_SteadyAfterWarmup_AllFlat()
    {
        // The first third climbs (warm-up); afterwards every figure only wobbles.
        var samples = Series(t => t < 60 ? 50 + t : 110 + (t % 20 == 0 ? 1 : 0), fds: t => t < 60 ? 100 : 640, threads: _ => 18, heapMiB: t => 5 + (t % 20 == 0 ? 0.6 : 0));

        var verdicts = Flatness.Check(samples, Tolerance.Defaults, Total);

        Assert.All(verdicts, v => Assert.True(v.Flat, $"{v.Metric}: {v.Problem}"));
    }

    [Fact]
    public void Check_RssClimbingThroughTheRun_RssNotFlatOthersFlat()
    {
        var samples = Series(t => 100 + t, fds: _ => 640, threads: _ => 18, heapMiB: _ => 5);

        var verdicts = Flatness.Check(samples, Tolerance.Defaults, Total).ToDictionary(v => v.Metric);

        Assert.False(verdicts[Metrics.Rss].Flat);
        Assert.Contains("grew from", verdicts[Metrics.Rss].Problem, StringComparison.Ordinal);
        Assert.True(verdicts[Metrics.Descriptors].Flat);
        Assert.True(verdicts[Metrics.Threads].Flat);
        Assert.True(verdicts[Metrics.Heap].Flat);
    }

    [Theory]
    [InlineData(40, 42, true)] // +2 absolute is allowed even though it is 5% of 40
    [InlineData(40, 43, false)]
    [InlineData(1000, 1050, true)] // +5%
    [InlineData(1000, 1051, false)]
    public void Check_Descriptors_LargerOfFivePercentAndTwo(int before, int after, bool flat)
    {
        var samples = Series(_ => 100, fds: t => t < 120 ? before : after, threads: _ => 18, heapMiB: _ => 5);

        var verdict = Flatness.Check(samples, Tolerance.Defaults, Total).Single(v => v.Metric == Metrics.Descriptors);

        Assert.Equal(flat, verdict.Flat);
    }

    [Fact]
    public void Check_OneSpikeInTheLastThird_StillFlat()
    {
        var samples = Series(t => t == 150 ? 300 : 100, fds: _ => 640, threads: _ => 18, heapMiB: _ => 5);

        Assert.True(Flatness.Check(samples, Tolerance.Defaults, Total).Single(v => v.Metric == Metrics.Rss).Flat);
    }

    [Fact]
    public void Check_NoHeapFigures_HeapFailsWithTooFewSamples()
    {
        var samples = Series(_ => 100, fds: _ => 640, threads: _ => 18, heapMiB: _ => null);

        var heap = Flatness.Check(samples, Tolerance.Defaults, Total).Single(v => v.Metric == Metrics.Heap);

        Assert.False(heap.Flat);
        Assert.Contains("too few samples", heap.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { 3.0, 1, 2 }, 2.0)]
    [InlineData(new[] { 4.0, 1, 3, 2 }, 2.5)]
    public void Median_OddAndEvenCounts(double[] values, double expected) => Assert.Equal(expected, Flatness.Median(values));

    [Fact]
    public void Median_Empty_IsNull() => Assert.Null(Flatness.Median([]));

    [Fact]
    public void Tolerance_Describe_StatesBothBounds()
    {
        Assert.Equal("+10%", Tolerance.Defaults.Single(t => t.Metric == Metrics.Rss).Describe());
        Assert.Equal("+5% or +2", Tolerance.Defaults.Single(t => t.Metric == Metrics.Threads).Describe());
    }

    /// <summary>A sample every 10 s over <see cref="Total"/> seconds; functions of the time in seconds.</summary>
    private static List<Sample> Series(Func<int, double> rssMiB, Func<int, int> fds, Func<int, int> threads, Func<int, double?> heapMiB) =>
        [.. Enumerable.Range(0, 19).Select(i => i * 10).Select(t =>
            new Sample(t, (long)(rssMiB(t) * MiB), fds(t), threads(t), heapMiB(t) is { } h ? (long)(h * MiB) : null, 10))];
}
