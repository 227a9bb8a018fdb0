namespace ActorEcho.Server.Tests.Integration;

/// <summary>
/// The loopback integration tests run one at a time and alone: they measure latency and back-pressure on a 2-core machine, which
/// another test's 64 MiB transfer or 500 connections would distort. The collection gives the thread pool headroom while they run
/// (<see cref="ThreadPoolHeadroom"/>).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EchoIntegrationCollection : ICollectionFixture<ThreadPoolHeadroom>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Echo integration (loopback)";
}

/// <summary>
/// Raises the thread pool's minimum worker threads while the collection runs, and restores it afterwards.
/// </summary>
/// <remarks>
/// Server and clients share the test process, and the test host itself parks pool threads in blocking waits for the whole run
/// (a stack dump during a stall showed three: xunit's ExecutionSink.WaitForStopEvent, VsTestRunner.RunTestsInAssembly's WaitOne and
/// the testhost's MessageLoopAsync in Socket.Poll). With the default minimum of one thread per core (2 here) the echo server and its
/// clients were then starved for 0.6–1.1 s at a time (pending work items, no completions) until hill climbing injected threads:
/// a 64 MiB echo took 1.3–9 s and a round trip took up to 0.75 s. Headroom removes the test host's share from the measurement; the
/// server code never blocks a pool thread, so this hides nothing of it.
/// </remarks>
public sealed class ThreadPoolHeadroom : IDisposable
{
    private const int MinWorkerThreads = 8;

    private readonly int _workerThreads;
    private readonly int _completionPortThreads;

    /// <summary>Raises the minimum worker threads to at least <see cref="MinWorkerThreads"/>.</summary>
    public ThreadPoolHeadroom()
    {
        ThreadPool.GetMinThreads(out _workerThreads, out _completionPortThreads);
        ThreadPool.SetMinThreads(Math.Max(_workerThreads, MinWorkerThreads), _completionPortThreads);
    }

    /// <summary>Restores the previous minimum.</summary>
    public void Dispose() => ThreadPool.SetMinThreads(_workerThreads, _completionPortThreads);
}
