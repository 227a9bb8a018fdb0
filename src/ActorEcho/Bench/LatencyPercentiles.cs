namespace ActorEcho.Cli.Bench;

/// <summary>Latency percentiles of the measured operations, in microseconds.</summary>
internal sealed record LatencyPercentiles(double P50, double P90, double P99, double P999, double Max);
