using ActorEcho.Compare.Model;
using ActorEcho.Compare.Report;

namespace ActorEcho.Compare.Tests;

public sealed class ScenarioReportTests
{
    private static readonly Scenario s_rr = new("rr-1000", "rr", 1000, 64, Metric.OperationsPerSecond, "rr 1000");

    [Fact]
    public void Build_TakesEachFiguresMedianOverSuccessfulRuns()
    {
        RunRecord[] runs =
        [
            Results.Ok("actorecho", "rr-1000", Results.Rr(100, p99Us: 30_000, errors: 1), 1),
            Results.Ok("actorecho", "rr-1000", Results.Rr(300, p99Us: 10_000), 2),
            Results.Ok("actorecho", "rr-1000", Results.Rr(200, p99Us: 20_000, errors: 2), 3),
            Results.Failed("actorecho", "rr-1000", "run 4: client exit 2: refused", 4),
        ];

        var summary = Assert.Single(ScenarioReport.Build([s_rr], ["actorecho"], runs)).Servers.Single();

        Assert.Equal(200, summary.Value);
        Assert.Equal(100, summary.Min);
        Assert.Equal(300, summary.Max);
        Assert.Equal(20_000, summary.P99Us);
        Assert.Equal(3, summary.Errors);
        Assert.Equal(1, summary.FailedRuns);
        Assert.Equal(["run 4: client exit 2: refused"], summary.Failures);
    }

    [Fact]
    public void RatioOf_IsActorEchoMedianOverServerMedian()
    {
        RunRecord[] runs = [Results.Ok("actorecho", "rr-1000", Results.Rr(90)), Results.Ok("seed-pthread", "rr-1000", Results.Rr(120))];

        var report = ScenarioReport.Build([s_rr], ["actorecho", "seed-pthread"], runs).Single();

        Assert.Equal(0.75, report.RatioOf("seed-pthread"));
        Assert.Equal(1.0, report.RatioOf("actorecho"));
    }

    [Fact]
    public void Build_AllRunsFailed_HasNoValueAndNoRatio()
    {
        RunRecord[] runs = [Results.Ok("actorecho", "rr-1000", Results.Rr(90)), Results.Failed("seed-fork", "rr-1000", "boom")];

        var report = ScenarioReport.Build([s_rr], ["actorecho", "seed-fork"], runs).Single();

        Assert.Null(report.Find("seed-fork")!.Value);
        Assert.Null(report.RatioOf("seed-fork"));
    }

    [Fact]
    public void Build_LeavesOutServersWithoutRuns()
    {
        var report = ScenarioReport.Build([s_rr], ["actorecho", "seed-fork"], [Results.Ok("actorecho", "rr-1000", Results.Rr(90))]).Single();

        Assert.Equal(["actorecho"], report.Servers.Select(s => s.Server));
    }
}
