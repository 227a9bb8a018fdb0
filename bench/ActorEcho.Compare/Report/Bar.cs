using ActorEcho.Compare.Model;

namespace ActorEcho.Compare.Report;

/// <summary>Evaluates the bar of issue #6 (the targets docs/performance.md records) against one run's medians.</summary>
internal static class Bar
{
    public const double IdleBytesPerConnectionLimit = 4096;

    public static IReadOnlyList<BarCheck> Evaluate(IReadOnlyList<ScenarioReport> reports)
    {
        var rr = reports.FirstOrDefault(r => r.Scenario.Name == "rr-1000");
        var stream = reports.FirstOrDefault(r => r.Scenario.Name == "stream");
        var idle = reports.FirstOrDefault(r => r.Scenario.Name == "idle");
        return
        [
            AtLeast("rr 64 B, 1,000 conns: round trips/s ≥ 1.0× seed-pthread", rr, ServerKind.ThreadName, 1.0),
            AtLeast("rr 64 B, 1,000 conns: round trips/s ≥ 0.9× plain-dotnet", rr, ServerKind.PlainDotNetName, 0.9),
            P99NoWorse("rr 64 B, 1,000 conns: p99 ≤ seed-pthread's p99", rr, ServerKind.ThreadName),
            AtLeast("stream 4 KiB, 50 conns: MB/s ≥ 0.9× plain-dotnet", stream, ServerKind.PlainDotNetName, 0.9),
            IdleLimit(idle),
            Below("idle: RSS per connection below seed-pthread", idle, ServerKind.ThreadName),
            Below("idle: RSS per connection below seed-fork", idle, ServerKind.ForkName),
        ];
    }

    private static BarCheck AtLeast(string target, ScenarioReport? report, string baseline, double factor)
    {
        if (report?.RatioOf(baseline) is not { } ratio)
        {
            return NotMeasured(target);
        }

        var measured = $"{Format.Value(report.Scenario.Metric, report.Find(ServerKind.ActorEchoName)!.Value)} vs {Format.Value(report.Scenario.Metric, report.Find(baseline)!.Value)}: {Format.Ratio(ratio)}";
        var gap = ratio / factor - 1;
        return new BarCheck(target, measured, gap >= 0, gap >= 0 ? $"{Format.Percent(gap)} above target" : $"{Format.Percent(-gap)} short");
    }

    private static BarCheck P99NoWorse(string target, ScenarioReport? report, string baseline)
    {
        if (report?.Find(ServerKind.ActorEchoName)?.P99Us is not { } ours || report.Find(baseline)?.P99Us is not { } theirs || theirs <= 0)
        {
            return NotMeasured(target);
        }

        var met = ours <= theirs;
        var margin = met ? $"{Format.Ratio(theirs / ours)} lower" : $"{Format.Ratio(ours / theirs)} higher";
        return new BarCheck(target, $"{Format.Latency(ours)} vs {Format.Latency(theirs)}", met, margin);
    }

    private static BarCheck IdleLimit(ScenarioReport? report)
    {
        const string target = "idle: ≤ 4 KiB (4,096 B) server RSS per connection";
        if (report?.Find(ServerKind.ActorEchoName)?.Value is not { } ours)
        {
            return NotMeasured(target);
        }

        var met = ours <= IdleBytesPerConnectionLimit;
        var margin = met ? $"{Format.Value(Metric.BytesPerConnection, IdleBytesPerConnectionLimit - ours)} under" : $"{Format.Value(Metric.BytesPerConnection, ours - IdleBytesPerConnectionLimit)} over";
        return new BarCheck(target, Format.Value(Metric.BytesPerConnection, ours), met, margin);
    }

    private static BarCheck Below(string target, ScenarioReport? report, string baseline)
    {
        if (report?.RatioOf(baseline) is not { } ratio)
        {
            return NotMeasured(target);
        }

        var measured = $"{Format.Value(Metric.BytesPerConnection, report.Find(ServerKind.ActorEchoName)!.Value)} vs {Format.Value(Metric.BytesPerConnection, report.Find(baseline)!.Value)}";
        var met = ratio < 1;
        return new BarCheck(target, measured, met, met ? $"{Format.Ratio(1 / ratio)} less" : $"{Format.Ratio(ratio)} more");
    }

    private static BarCheck NotMeasured(string target) => new(target, "not measured in this run", null, "n/a");
}
