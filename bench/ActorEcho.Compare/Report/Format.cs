using System.Globalization;
using ActorEcho.Compare.Model;

namespace ActorEcho.Compare.Report;

/// <summary>How figures are written in the report and the charts (invariant culture, units spelled out).</summary>
internal static class Format
{
    private static readonly CultureInfo s_inv = CultureInfo.InvariantCulture;

    public static string Value(Metric metric, double? value) => value is not { } v ? "n/a" : metric switch
    {
        Metric.OperationsPerSecond => v.ToString("N0", s_inv),
        Metric.MegabytesPerSecond => v.ToString(v >= 100 ? "N0" : "N1", s_inv),
        _ => v.ToString("N0", s_inv) + " B",
    };

    public static string Unit(Metric metric) => metric switch
    {
        Metric.OperationsPerSecond => "operations/s",
        Metric.MegabytesPerSecond => "MB/s",
        _ => "server RSS per connection",
    };

    public static string Latency(double? us) => us switch
    {
        null => "n/a",
        >= 1000 => (us.Value / 1000).ToString(us.Value >= 100_000 ? "N0" : "0.0#", s_inv) + " ms",
        _ => us.Value.ToString("N0", s_inv) + " µs",
    };

    public static string Micros(double? us) => us is { } v ? v.ToString(v >= 100 ? "N0" : "0.0#", s_inv) + " µs" : "n/a";

    public static string Ratio(double? ratio) => ratio is { } r ? r.ToString("0.00", s_inv) + "×" : "n/a";

    public static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.##", s_inv) + " s";

    /// <summary>A duration as the load client's flags take it: whole seconds as <c>2s</c>, otherwise milliseconds (<c>500ms</c>).</summary>
    public static string ClientDuration(TimeSpan t) =>
        t.TotalMilliseconds % 1000 == 0
            ? ((long)t.TotalSeconds).ToString(s_inv) + "s"
            : ((long)t.TotalMilliseconds).ToString(s_inv) + "ms";

    public static string Percent(double fraction) => (fraction * 100).ToString("0", s_inv) + "%";
}
