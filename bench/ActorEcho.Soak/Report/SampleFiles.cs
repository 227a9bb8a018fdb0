using System.Globalization;
using System.Text;
using System.Text.Json;
using ActorEcho.Soak.Sampling;

namespace ActorEcho.Soak.Report;

/// <summary>The samples as CSV (one row per sample) and JSON (the samples plus the verdicts), for bench/results/.</summary>
internal static class SampleFiles
{
    public const string CsvHeader = "seconds,rss_bytes,open_fds,threads,gc_heap_bytes,active_connections";

    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static string Csv(IReadOnlyList<Sample> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var csv = new StringBuilder(CsvHeader).Append('\n');
        foreach (var s in samples)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{s.Seconds:0.#},{s.RssBytes},{s.OpenDescriptors},{s.Threads},{s.HeapBytes},{s.ActiveConnections}\n");
        }

        return csv.ToString();
    }

    public static string Json(SoakResult result) => JsonSerializer.Serialize(result, s_json);
}
