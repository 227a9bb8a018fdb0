using System.Text.Json;

namespace ActorEcho.Compare.Report;

/// <summary>The machine-readable record of one compare run (bench/results/latest.json): medians, ratios and the bar.</summary>
internal sealed record Summary(
    string Command,
    DateTimeOffset Date,
    MachineInfo Machine,
    double MatrixSeconds,
    int Runs,
    double DurationSeconds,
    double WarmupSeconds,
    IReadOnlyList<Summary.ScenarioEntry> Scenarios,
    IReadOnlyList<BarCheck> Bar)
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Summary From(ReportContext context, IReadOnlyList<ScenarioReport> reports, IReadOnlyList<BarCheck> bar) => new(
        context.Command,
        context.Date,
        context.Machine,
        Math.Round(context.MatrixTime.TotalSeconds, 1),
        context.Options.Runs,
        context.Options.Duration.TotalSeconds,
        context.Options.Warmup.TotalSeconds,
        [.. reports.Select(r => new ScenarioEntry(r.Scenario.Name, r.Scenario.Title, r.Scenario.Metric.ToString(), [.. r.Servers.Select(s => new ServerEntry(s, r.RatioOf(s.Server)))]))],
        bar);

    public string ToJson() => JsonSerializer.Serialize(this, s_json);

    /// <summary>One scenario's servers.</summary>
    internal sealed record ScenarioEntry(string Name, string Title, string Metric, IReadOnlyList<ServerEntry> Servers);

    /// <summary>One server's medians and ActorEcho's ratio to it.</summary>
    internal sealed record ServerEntry(ServerSummary Median, double? ActorEchoRatio);
}
