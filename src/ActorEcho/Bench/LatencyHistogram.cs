using System.Numerics;

namespace ActorEcho.Cli.Bench;

/// <summary>
/// A log-linear (HDR-style) histogram of non-negative values, e.g. latencies in nanoseconds: values below 256 are counted exactly,
/// larger ones in buckets 1/128 of their power of two wide, so every reported percentile is within 0.8% above the true value.
/// Fixed size (about 31 KiB), no allocation after construction; not thread-safe: one per connection, merged at the end.
/// </summary>
/// <remarks>
/// Bucket of <c>v</c>: with <c>s = max(0, log2(v) - 7)</c>, index <c>(s &lt;&lt; 7) + (v &gt;&gt; s)</c>. Values at or above
/// <see cref="HighestTrackable"/> (2^36, about 69 s in nanoseconds) share the top bucket; <see cref="Max"/> stays exact.
/// </remarks>
internal sealed class LatencyHistogram
{
    /// <summary>Values at or above this share the last bucket.</summary>
    public const long HighestTrackable = 1L << HighestBit;

    private const int SubBucketBits = 7;
    private const int HighestBit = 36;
    private const int BucketCount = ((HighestBit - SubBucketBits + 1) << SubBucketBits) + 1; // the last index is HighestTrackable's

    private readonly long[] _counts = new long[BucketCount];

    /// <summary>Values recorded.</summary>
    public long Count { get; private set; }

    /// <summary>The largest value recorded (exact), 0 when empty.</summary>
    public long Max { get; private set; }

    /// <summary>Counts one value; negative values count as 0.</summary>
    public void Record(long value)
    {
        if (value < 0)
        {
            value = 0;
        }

        if (value > Max)
        {
            Max = value;
        }

        _counts[IndexOf(Math.Min(value, HighestTrackable))]++;
        Count++;
    }

    /// <summary>Adds every value counted by <paramref name="other"/>.</summary>
    public void Add(LatencyHistogram other)
    {
        ArgumentNullException.ThrowIfNull(other);
        for (var i = 0; i < _counts.Length; i++)
        {
            _counts[i] += other._counts[i];
        }

        Count += other.Count;
        Max = Math.Max(Max, other.Max);
    }

    /// <summary>
    /// The value at <paramref name="percentile"/> (0-100): the highest value of the bucket holding the value of rank
    /// <c>ceil(p/100 × Count)</c> (at least 1) in sorted order, capped at <see cref="Max"/>; 0 when empty.
    /// </summary>
    public long ValueAtPercentile(double percentile)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(percentile, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percentile, 100);
        if (Count == 0)
        {
            return 0;
        }

        var rank = Math.Max(1, (long)Math.Ceiling(percentile / 100 * Count));
        rank = Math.Min(rank, Count);
        long seen = 0;
        for (var i = 0; i < _counts.Length; i++)
        {
            seen += _counts[i];
            if (seen >= rank)
            {
                return Math.Min(HighestValueIn(i), Max);
            }
        }

        return Max;
    }

    private static int IndexOf(long value)
    {
        var shift = Math.Max(0, (63 - BitOperations.LeadingZeroCount((ulong)value)) - SubBucketBits);
        return (shift << SubBucketBits) + (int)(value >> shift);
    }

    private static long HighestValueIn(int index)
    {
        // Inverse of IndexOf: indexes below 256 are exact; above, each run of 128 indexes doubles the bucket width.
        var shift = Math.Max(0, (index >> SubBucketBits) - 1);
        var mantissa = index - (shift << SubBucketBits);
        return ((long)(mantissa + 1) << shift) - 1;
    }
}
