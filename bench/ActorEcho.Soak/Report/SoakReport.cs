using System.Globalization;
using System.Text;

namespace ActorEcho.Soak.Report;

/// <summary>The generated section of docs/reliability.md: the recorded run, its loads, the verdict per metric, and the chart.</summary>
internal static class SoakReport
{
    public const string Begin = "<!-- soak:begin -->";
    public const string End = "<!-- soak:end -->";

    public static string Markdown(SoakResult result, string chartPath)
    {
        ArgumentNullException.ThrowIfNull(result);
        var md = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        md.Append(inv, $"Recorded run: {result.Started:yyyy-MM-dd HH:mm} UTC, {result.DurationSeconds / 60:0.#} min of load, a sample every {result.IntervalSeconds:0.#} s ({result.Samples.Count} samples), ");
        md.Append(inv, $"on {result.Machine}. **{(result.Passed ? "Passed" : "FAILED")}.**\n\n");
        md.Append(inv, $"```sh\n{result.Command}\n```\n\n");
        md.Append("| Load | Client exit | Operations | Ops/s | Echo errors |\n| --- | ---: | ---: | ---: | ---: |\n");
        foreach (var load in result.Loads)
        {
            md.Append(inv, $"| {load.Load} | {load.ExitCode} | {load.Operations:N0} | {load.OperationsPerSecond:N0} | {load.Errors}{(load.Problem is null ? string.Empty : " (" + load.Problem + ")")} |\n");
        }

        md.Append("\n| Metric | Median, 2nd third | Median, last third | Allowed | Flat |\n| --- | ---: | ---: | ---: | --- |\n");
        foreach (var v in result.Verdicts)
        {
            md.Append(inv, $"| {v.Metric} | {Number(v.Middle)} | {Number(v.Last)} | {Number(v.Limit)} ({v.Tolerance}) | {(v.Flat ? "yes" : "**no**: " + v.Problem)} |\n");
        }

        md.Append(inv, $"\n![soak samples]({chartPath})\n");
        return md.ToString();
    }

    private static string Number(double? value) => value is { } v ? v.ToString("0.##", CultureInfo.InvariantCulture) : "n/a";
}
