namespace ActorEcho.Compare.Model;

/// <summary>Latency percentiles of one load run, in microseconds.</summary>
internal sealed record LatencyUs(double P50, double P90, double P99, double P999, double Max);
