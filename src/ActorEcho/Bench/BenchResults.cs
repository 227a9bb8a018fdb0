namespace ActorEcho.Cli.Bench;

/// <summary>Merges the per-connection counters and histograms of a finished run into its <see cref="BenchReport"/>.</summary>
internal static class BenchResults
{
    /// <summary>The report of <paramref name="run"/>, measured over <paramref name="elapsedSeconds"/>.</summary>
    public static BenchReport Build(BenchRun run, double elapsedSeconds, double clientCpuSeconds, long? serverRssDeltaBytes)
    {
        var options = run.Options;
        var histogram = new LatencyHistogram();
        long operations = 0, bytes = 0, mismatches = 0, shortReads = 0, unexpectedCloses = 0, connectFailures = 0, established = 0;
        foreach (var stats in run.Stats)
        {
            if (stats.Histogram is { } perConnection)
            {
                histogram.Add(perConnection);
            }
            else if (stats.SingleLatency >= 0)
            {
                histogram.Record(stats.SingleLatency);
            }

            operations += stats.Operations;
            bytes += stats.Bytes;
            mismatches += stats.Mismatches;
            shortReads += stats.ShortReads;
            unexpectedCloses += stats.UnexpectedCloses;
            connectFailures += stats.ConnectFailures;
            established += stats.ConnectionsEstablished;
        }

        static double Microseconds(long nanoseconds) => Math.Round(nanoseconds / 1000.0, 3);
        var latency = new LatencyPercentiles(
            Microseconds(histogram.ValueAtPercentile(50)),
            Microseconds(histogram.ValueAtPercentile(90)),
            Microseconds(histogram.ValueAtPercentile(99)),
            Microseconds(histogram.ValueAtPercentile(99.9)),
            Microseconds(histogram.Max));
        var errors = new ErrorDetail(mismatches, shortReads, unexpectedCloses, connectFailures);
        return new BenchReport(
            BenchModes.Name(options.Mode),
            options.Host,
            options.Port,
            options.Connections,
            options.Mode == BenchMode.Slowloris ? 1 : options.Size, // one byte per operation, whatever --size says
            Math.Round(elapsedSeconds, 6),
            operations,
            elapsedSeconds > 0 ? Math.Round(operations / elapsedSeconds, 1) : 0,
            elapsedSeconds > 0 ? Math.Round(bytes / elapsedSeconds, 1) : 0,
            latency,
            mismatches + shortReads + unexpectedCloses + connectFailures,
            errors,
            established,
            connectFailures,
            Math.Round(clientCpuSeconds, 3),
            serverRssDeltaBytes,
            serverRssDeltaBytes is { } delta ? Math.Round((double)delta / options.Connections, 1) : null);
    }
}
