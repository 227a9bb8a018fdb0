using ActorEcho.Compare.Model;

namespace ActorEcho.Compare.Report;

/// <summary>One server's runs of one scenario, reduced to medians (each figure's median over the successful runs).</summary>
internal sealed record ServerSummary(
    string Server,
    int Runs,
    int FailedRuns,
    double? Value,
    double? Min,
    double? Max,
    double? P50Us,
    double? P99Us,
    double? ClientCpuUsPerOperation,
    long Errors,
    IReadOnlyList<string> Failures)
{
    public static ServerSummary From(Scenario scenario, string server, IReadOnlyList<RunRecord> runs)
    {
        var ok = runs.Where(r => r.Result is not null).Select(r => r.Result!).ToArray();
        var values = ok.Select(scenario.ValueOf).OfType<double>().ToArray();
        return new ServerSummary(
            server,
            runs.Count,
            runs.Count - ok.Length,
            Statistics.Median(values),
            values.Length > 0 ? values.Min() : null,
            values.Length > 0 ? values.Max() : null,
            Statistics.Median(ok.Where(r => r.LatencyUs is not null).Select(r => r.LatencyUs!.P50)),
            Statistics.Median(ok.Where(r => r.LatencyUs is not null).Select(r => r.LatencyUs!.P99)),
            Statistics.Median(ok.Select(r => r.ClientCpuUsPerOperation).OfType<double>()),
            ok.Sum(r => r.Errors),
            [.. runs.Where(r => r.Failure is not null).Select(r => r.Failure!).Distinct(StringComparer.Ordinal)]);
    }
}
