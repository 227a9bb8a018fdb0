using System.Globalization;

namespace ActorEcho.Cli.Bench;

/// <summary>The human-readable result of a run, printed after it whether or not stdout is a terminal.</summary>
internal static class BenchSummary
{
    private const double MiB = 1024 * 1024;

    /// <summary>Writes <paramref name="report"/> as a few aligned lines.</summary>
    public static void Write(TextWriter output, BenchReport report)
    {
        var c = CultureInfo.InvariantCulture;
        var cpuPerOperation = report.Operations > 0 ? report.ClientCpuSeconds * 1e6 / report.Operations : 0;
        var cores = report.ElapsedSeconds > 0 ? report.ClientCpuSeconds / report.ElapsedSeconds : 0;
        var l = report.LatencyUs;
        var e = report.ErrorDetail;
        output.WriteLine(string.Create(c, $"bench {report.Mode} {report.Host}:{report.Port}: {report.Connections:N0} connections, {report.Size:N0} B, {report.ElapsedSeconds:F2} s measured"));
        output.WriteLine(string.Create(c, $"  operations   {report.Operations:N0} ({report.OperationsPerSecond:N0}/s), {report.BytesPerSecond / 1e6:N2} MB/s"));
        if (report.Mode == BenchModes.Name(BenchMode.SlowRead))
        {
            var written = report.BytesPerSecond * report.ElapsedSeconds;
            output.WriteLine(string.Create(c, $"  written      {written / MiB:N1} MiB without reading ({written / report.Connections / MiB:N1} MiB per connection), then drained and compared"));
        }

        output.WriteLine(string.Create(c, $"  latency µs   p50 {l.P50:N1}  p90 {l.P90:N1}  p99 {l.P99:N1}  p99.9 {l.P999:N1}  max {l.Max:N1}"));
        output.WriteLine(string.Create(c, $"  errors       {report.Errors:N0} (mismatches {e.Mismatches:N0}, short reads {e.ShortReads:N0}, unexpected closes {e.UnexpectedCloses:N0}, connect failures {e.ConnectFailures:N0})"));
        output.WriteLine(string.Create(c, $"  connections  {report.ConnectionsEstablished:N0} established, {report.ConnectionsFailed:N0} failed"));
        output.WriteLine(string.Create(c, $"  client CPU   {report.ClientCpuSeconds:N2} s ({cores:N2} of {Environment.ProcessorCount} cores), {cpuPerOperation:N2} µs per operation"));
        if (report.ServerRssDeltaBytes is { } delta)
        {
            output.WriteLine(string.Create(c, $"  server RSS   {delta:+#,0;-#,0;0} B over {report.Connections:N0} connections: {report.ServerRssBytesPerConnection:N0} B per connection"));
        }

        if (report.Server is { } server)
        {
            output.WriteLine(string.Create(c, $"  server       before {Describe(server.Before)}; peak {Describe(server.Peak)}; RSS growth {server.RssGrowthBytes / MiB:+0.0;-0.0;0} MiB"));
            output.WriteLine(server.After is { } after
                ? string.Create(c, $"  server after {Describe(after)}; connections released: {(server.Released ? "yes" : "NO, descriptors still above the start")}")
                : "  server after could not be read (exited?)");
        }

        output.Flush();
    }

    private static string Describe(ServerSample sample) =>
        string.Create(CultureInfo.InvariantCulture, $"RSS {sample.RssBytes / MiB:N1} MiB, {sample.Threads} threads, {sample.OpenDescriptors:N0} fds");
}
