using ActorEcho.Compare.Model;
using ActorEcho.Compare.Report;

namespace ActorEcho.Compare.Tests;

public sealed class FormatTests
{
    [Theory]
    [InlineData(2000, "2s")]
    [InlineData(500, "500ms")]
    [InlineData(1250, "1250ms")]
    public void ClientDuration_WholeSecondsOrMilliseconds(int ms, string expected) =>
        Assert.Equal(expected, Format.ClientDuration(TimeSpan.FromMilliseconds(ms)));

    [Theory]
    [InlineData(36.4, "36 µs")]
    [InlineData(8740.2, "8.74 ms")]
    [InlineData(107_600.0, "108 ms")]
    [InlineData(null, "n/a")]
    public void Latency_PicksUnit(double? us, string expected) => Assert.Equal(expected, Format.Latency(us));

    [Theory]
    [InlineData(nameof(Metric.OperationsPerSecond), 103_765.4, "103,765")]
    [InlineData(nameof(Metric.MegabytesPerSecond), 45.26, "45.3")]
    [InlineData(nameof(Metric.MegabytesPerSecond), 1234.6, "1,235")]
    [InlineData(nameof(Metric.BytesPerConnection), 2477.2, "2,477 B")]
    public void Value_PerMetric(string metric, double value, string expected) =>
        Assert.Equal(expected, Format.Value(Enum.Parse<Metric>(metric), value));
}
