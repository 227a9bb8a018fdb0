namespace ActorEcho.Cli.Bench;

/// <summary>What <c>actorecho bench</c> asks of the server (see docs/load-client.md).</summary>
internal enum BenchMode
{
    /// <summary>Request/response: send SIZE bytes, wait for all of them back, verify, repeat.</summary>
    Rr,

    /// <summary>Pipelined writes with concurrent reads, every byte verified, a bounded number of bytes in flight per connection.</summary>
    Stream,

    /// <summary>Open the connections, hold them for the duration, then check each still echoes.</summary>
    Idle,

    /// <summary>Connect, one echo, close, as fast as possible, with <c>--connections</c> workers at once.</summary>
    Churn,

    /// <summary>Slowloris: every connection sends one byte per <c>--pace</c> and checks its echo before the next; no thread may be held per connection.</summary>
    Slowloris,

    /// <summary>Connection flood: connect, one echo, close, paced at <c>--ramp</c> connects per second over all workers for the duration.</summary>
    Flood,

    /// <summary>Slow reader: write up to <c>--bytes</c> in SIZE chunks and read nothing until the end; then drain, half-close and verify.</summary>
    SlowRead,
}
