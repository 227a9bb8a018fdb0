namespace ActorEcho.Cli.Bench;

/// <summary>
/// The result of one run, as written by <c>--json</c> (camelCase; field list and meaning in docs/load-client.md; bench/compare reads it).
/// </summary>
internal sealed record BenchReport(
    string Mode,
    string Host,
    int Port,
    int Connections,
    int Size,
    double ElapsedSeconds,
    long Operations,
    double OperationsPerSecond,
    double BytesPerSecond,
    LatencyPercentiles LatencyUs,
    long Errors,
    ErrorDetail ErrorDetail,
    long ConnectionsEstablished,
    long ConnectionsFailed,
    double ClientCpuSeconds,
    long? ServerRssDeltaBytes,
    double? ServerRssBytesPerConnection)
{
    /// <summary>The hostile modes with <c>--server-pid</c>: the server's RSS, threads and descriptors before, at peak and after; otherwise null.</summary>
    public ServerReport? Server { get; init; }
}
