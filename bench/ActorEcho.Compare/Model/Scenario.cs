namespace ActorEcho.Compare.Model;

/// <summary>
/// One point of the load matrix: a client mode at a connection count and message size, under a short stable name (used for
/// <c>--scenarios</c>, file and chart names) and a title for the reader.
/// </summary>
internal sealed record Scenario(string Name, string Mode, int Connections, int Size, Metric Metric, string Title)
{
    public bool HigherIsBetter => Metric != Metric.BytesPerConnection;

    /// <summary>
    /// Whether every run needs a server of its own: memory growth is only comparable from a freshly started process (a server
    /// that already held and freed connections returns memory during the next run, which reads as a smaller or negative growth).
    /// </summary>
    public bool FreshServerPerRun => Metric == Metric.BytesPerConnection;

    /// <summary>The scenario's figure from one run, or null when the run did not produce it.</summary>
    public double? ValueOf(LoadResult result) => Metric switch
    {
        Metric.OperationsPerSecond => result.OperationsPerSecond,
        Metric.MegabytesPerSecond => result.BytesPerSecond / 1e6,
        _ => result.ServerRssBytesPerConnection,
    };
}
