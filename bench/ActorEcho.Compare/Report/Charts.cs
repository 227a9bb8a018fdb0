using ActorEcho.Compare.Model;

namespace ActorEcho.Compare.Report;

/// <summary>Turns a scenario's medians into its bar chart, ActorEcho highlighted.</summary>
internal static class Charts
{
    public static string FileName(Scenario scenario) => scenario.Name + ".svg";

    public static string Render(ScenarioReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var metric = report.Scenario.Metric;
        var unit = Format.Unit(metric) + (report.Scenario.HigherIsBetter ? ", median (higher is better)" : ", median (lower is better)");
        return SvgBarChart.Render(
            report.Scenario.Title,
            unit,
            [.. report.Servers.Select(s => new ChartBar(s.Server, s.Value, s.Value is null ? "failed" : Format.Value(metric, s.Value), s.Server == ServerKind.ActorEchoName))]);
    }
}
