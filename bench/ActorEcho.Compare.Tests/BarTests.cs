using ActorEcho.Compare.Report;

namespace ActorEcho.Compare.Tests;

public sealed class BarTests
{
    [Fact]
    public void Evaluate_AllTargetsMet_SaysMetWithMargins()
    {
        var reports = Reports.Matrix((120_000, 20_000), (100_000, 30_000), 125_000, (95e6, 100e6), (2_000, 8_000, 500_000));

        var bar = Bar.Evaluate(reports);

        Assert.All(bar, c => Assert.True(c.Met, c.Target));
        Assert.Equal("20% above target", bar[0].Margin);
        Assert.Equal("7% above target", bar[1].Margin);
        Assert.Equal("1.50× lower", bar[2].Margin);
        Assert.Equal("6% above target", bar[3].Margin);
        Assert.Equal("2,096 B under", bar[4].Margin);
        Assert.Equal("4.00× less", bar[5].Margin);
    }

    [Fact]
    public void Evaluate_MissedTargets_SayByHowMuch()
    {
        var reports = Reports.Matrix((77_000, 40_000), (100_000, 30_000), 100_000, (45e6, 100e6), (5_120, 4_000, 500_000));

        var bar = Bar.Evaluate(reports);

        Assert.Equal([false, false, false, false, false, false, true], bar.Select(c => c.Met));
        Assert.Equal("23% short", bar[0].Margin);
        Assert.Equal("14% short", bar[1].Margin);
        Assert.Equal("1.33× higher", bar[2].Margin);
        Assert.Equal("77,000 vs 100,000: 0.77×", bar[0].Measured);
        Assert.Equal("50% short", bar[3].Margin);
        Assert.Equal("1,024 B over", bar[4].Margin);
        Assert.Equal("1.28× more", bar[5].Margin);
    }

    [Fact]
    public void Evaluate_ScenarioNotRun_IsNotMeasuredRatherThanMissed()
    {
        var reports = Reports.Matrix((77_000, 40_000), (100_000, 30_000), 100_000, (45e6, 100e6), (5_120, 4_000, 500_000))
            .Where(r => r.Scenario.Name != "stream").ToArray();

        var stream = Bar.Evaluate(reports)[3];

        Assert.Null(stream.Met);
        Assert.Equal("not measured in this run", stream.Measured);
    }
}
