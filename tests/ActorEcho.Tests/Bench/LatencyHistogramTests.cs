using ActorEcho.Cli.Bench;
using FsCheck;
using FsCheck.Fluent;

namespace ActorEcho.Tests.Bench;

/// <summary>The histogram's percentiles against a sorted-array oracle: never below the true value, at most 1/128 above it.</summary>
public sealed class LatencyHistogramTests
{
    private static readonly Config s_config = Config.QuickThrowOnFailure.WithMaxTest(300);
    private static readonly double[] s_percentiles = [0, 1, 25, 50, 90, 99, 99.9, 99.99, 100];

    // Values spread over every order of magnitude the histogram tracks: exact small ones, loopback latencies, long stalls.
    private static readonly Gen<long> s_value = Gen.OneOf(
        Gen.Choose(0, 300).Select(v => (long)v),
        Gen.Choose(0, 36).SelectMany(bits => Gen.Choose(0, int.MaxValue).Select(r => (long)((ulong)r * (ulong)r % (1UL << bits)))),
        Gen.Choose(0, int.MaxValue).Select(r => (long)r * 31 % LatencyHistogram.HighestTrackable));

    [Fact]
    public void ValueAtPercentile_RandomValues_WithinOnePart128AboveTheSortedArrayValue()
    {
        var gen = Gen.Choose(1, 2000).SelectMany(n => s_value.ArrayOf(n)).SelectMany(values => Gen.Elements(s_percentiles).Select(p => (values, p)));
        Check.One(s_config, Prop.ForAll(gen.ToArbitrary(), sample =>
        {
            var (values, percentile) = sample;
            var histogram = new LatencyHistogram();
            foreach (var value in values)
            {
                histogram.Record(value);
            }

            var oracle = Oracle(values, percentile);
            var reported = histogram.ValueAtPercentile(percentile);
            return reported >= oracle && reported - oracle <= oracle / 128 && histogram.Count == values.Length && histogram.Max == values.Max();
        }));
    }

    [Fact]
    public void Add_TwoHalves_ReportsWhatOneHistogramOfAllValuesReports()
    {
        var gen = Gen.Choose(1, 500).SelectMany(n => s_value.ArrayOf(n)).SelectMany(values => Gen.Choose(0, values.Length).Select(split => (values, split)));
        Check.One(s_config, Prop.ForAll(gen.ToArbitrary(), sample =>
        {
            var (values, split) = sample;
            var whole = new LatencyHistogram();
            var left = new LatencyHistogram();
            var right = new LatencyHistogram();
            for (var i = 0; i < values.Length; i++)
            {
                whole.Record(values[i]);
                (i < split ? left : right).Record(values[i]);
            }

            left.Add(right);
            return left.Count == whole.Count && left.Max == whole.Max
                && s_percentiles.All(p => left.ValueAtPercentile(p) == whole.ValueAtPercentile(p));
        }));
    }

    [Fact]
    public void ValueAtPercentile_ValuesBelow256_AreExact()
    {
        var histogram = new LatencyHistogram();
        for (var value = 255; value >= 0; value--)
        {
            histogram.Record(value);
        }

        Assert.Equal(127, histogram.ValueAtPercentile(50));
        Assert.Equal(0, histogram.ValueAtPercentile(0));
        Assert.Equal(230, histogram.ValueAtPercentile(90));
        Assert.Equal(255, histogram.ValueAtPercentile(100));
    }

    [Fact]
    public void ValueAtPercentile_Empty_IsZero()
    {
        var histogram = new LatencyHistogram();

        Assert.Equal(0, histogram.ValueAtPercentile(99));
        Assert.Equal(0, histogram.Max);
        Assert.Equal(0, histogram.Count);
    }

    [Fact]
    public void Record_AboveHighestTrackable_KeepsMaxExactAndCapsPercentilesAtMax()
    {
        var histogram = new LatencyHistogram();
        histogram.Record(10);
        histogram.Record(LatencyHistogram.HighestTrackable * 4);
        histogram.Record(-5);

        Assert.Equal(LatencyHistogram.HighestTrackable * 4, histogram.Max);
        Assert.Equal(0, histogram.ValueAtPercentile(0));
        Assert.Equal(10, histogram.ValueAtPercentile(50));
        Assert.InRange(histogram.ValueAtPercentile(100), LatencyHistogram.HighestTrackable, histogram.Max);
    }

    private static long Oracle(long[] values, double percentile)
    {
        var sorted = values.Order().ToArray();
        var rank = Math.Clamp((long)Math.Ceiling(percentile / 100 * sorted.Length), 1, sorted.Length);
        return sorted[rank - 1];
    }
}
