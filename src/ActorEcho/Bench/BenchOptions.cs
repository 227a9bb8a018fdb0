namespace ActorEcho.Cli.Bench;

/// <summary>The validated flags of one <c>actorecho bench</c> run.</summary>
/// <param name="Mode">What to ask of the server.</param>
/// <param name="Host">The server's address or host name.</param>
/// <param name="Port">The server's TCP port.</param>
/// <param name="Connections">Connections held at once (for churn: workers connecting at once).</param>
/// <param name="Size">Bytes per echo (stream: bytes per write).</param>
/// <param name="Duration">How long to measure, after the warm-up; null when <paramref name="Count"/> is given.</param>
/// <param name="Count">Measured operations per connection; null when running for <paramref name="Duration"/>.</param>
/// <param name="Ramp">Connections opened per second; 0 opens them as fast as possible.</param>
/// <param name="Warmup">Time after all connections are open whose operations are not measured.</param>
/// <param name="JsonPath">Where to write the JSON result, or null.</param>
/// <param name="Seed">Seed of the per-connection payloads.</param>
/// <param name="ServerPid">Server process whose resident memory (children included) is measured in idle mode, or null.</param>
internal sealed record BenchOptions(
    BenchMode Mode,
    string Host,
    int Port,
    int Connections,
    int Size,
    TimeSpan? Duration,
    long? Count,
    double Ramp,
    TimeSpan Warmup,
    string? JsonPath,
    int Seed,
    int? ServerPid)
{
    /// <summary>Slowloris: the time between two bytes of one connection (default 1 s).</summary>
    public TimeSpan Pace { get; init; } = DefaultPace;

    /// <summary>Slow reader: how many bytes each connection tries to write without reading (default 1 GiB).</summary>
    public long WriteBytes { get; init; } = DefaultWriteBytes;

    /// <summary>The default <see cref="Pace"/>: the "1 byte per second".</summary>
    public static readonly TimeSpan DefaultPace = TimeSpan.FromSeconds(1);

    /// <summary>The default <see cref="WriteBytes"/>: 1 GiB.</summary>
    public const long DefaultWriteBytes = 1024L * 1024 * 1024;

    /// <summary>The largest accepted <c>--size</c>: 64 MiB.</summary>
    public const int MaxSize = 64 * 1024 * 1024;

    /// <summary>The run length when neither <c>--duration</c> nor <c>--count</c> is given.</summary>
    public static readonly TimeSpan DefaultDuration = TimeSpan.FromSeconds(10);
}
