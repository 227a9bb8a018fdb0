namespace ActorEcho.Compare.Model;

/// <summary>The figure a scenario is judged by.</summary>
internal enum Metric
{
    /// <summary>Operations (round trips, connect-echo-close cycles) per second; higher is better.</summary>
    OperationsPerSecond,

    /// <summary>Echoed megabytes (10^6 bytes) per second; higher is better.</summary>
    MegabytesPerSecond,

    /// <summary>Server RSS growth per open connection in bytes; lower is better.</summary>
    BytesPerConnection,
}
