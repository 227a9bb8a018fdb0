namespace ActorEcho.Benchmarks.IdleConnections;

/// <summary>An echo server started in this process for <see cref="IdleConnectionMemory"/>.</summary>
internal interface IIdleServer : IAsyncDisposable
{
    /// <summary>The loopback port it listens on.</summary>
    int Port { get; }
}
