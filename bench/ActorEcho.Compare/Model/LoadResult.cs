namespace ActorEcho.Compare.Model;

/// <summary>What one <c>actorecho bench</c> run writes with <c>--json</c> (camelCase); the fields the report uses.</summary>
internal sealed record LoadResult
{
    public string Mode { get; init; } = string.Empty;

    public int Connections { get; init; }

    public int Size { get; init; }

    public double ElapsedSeconds { get; init; }

    public long Operations { get; init; }

    public double OperationsPerSecond { get; init; }

    public double BytesPerSecond { get; init; }

    public LatencyUs? LatencyUs { get; init; }

    public long Errors { get; init; }

    public int ConnectionsEstablished { get; init; }

    public int ConnectionsFailed { get; init; }

    public double ClientCpuSeconds { get; init; }

    public long? ServerRssDeltaBytes { get; init; }

    public double? ServerRssBytesPerConnection { get; init; }

    /// <summary>Client CPU time per operation in microseconds, or null when nothing completed.</summary>
    public double? ClientCpuUsPerOperation => Operations > 0 ? ClientCpuSeconds * 1e6 / Operations : null;
}
