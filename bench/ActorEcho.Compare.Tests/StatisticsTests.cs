using ActorEcho.Compare.Report;

namespace ActorEcho.Compare.Tests;

public sealed class StatisticsTests
{
    [Fact]
    public void Median_OddCount_IsMiddleValue() => Assert.Equal(5, Statistics.Median([9, 1, 5]));

    [Fact]
    public void Median_EvenCount_IsMeanOfMiddleTwo() => Assert.Equal(4.5, Statistics.Median([8, 1, 4, 5]));

    [Fact]
    public void Median_NoValues_IsNull() => Assert.Null(Statistics.Median([]));

    [Fact]
    public void Median_IgnoresNaN() => Assert.Equal(3, Statistics.Median([double.NaN, 3]));

    [Fact]
    public void Ratio_IsActorEchoOverOther() => Assert.Equal(0.75, Statistics.Ratio(75, 100));

    [Theory]
    [InlineData(null, 100.0)]
    [InlineData(100.0, null)]
    [InlineData(100.0, 0.0)]
    public void Ratio_MissingOrZeroDivisor_IsNull(double? actorEcho, double? other) => Assert.Null(Statistics.Ratio(actorEcho, other));
}
