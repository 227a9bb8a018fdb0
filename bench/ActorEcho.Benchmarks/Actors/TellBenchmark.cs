using ActorEcho.Actors;
using BenchmarkDotNet.Attributes;

namespace ActorEcho.Benchmarks.Actors;

/// <summary>
/// The cost of <c>Tell</c> to a local actor, allocations included: once warmed, a Tell of an existing message object must
/// allocate nothing (the envelope is a struct in a reused queue segment).
/// </summary>
public class TellBenchmark
{
    private const int Batch = 10_000;
    private static readonly object s_message = new();

    private ActorSystem _system = null!;
    private IActorRef _sink = null!;
    private Sink.Drain _drain = null!;

    [GlobalSetup]
    public void Setup()
    {
        _system = ActorSystem.Create("bench");
        _sink = _system.ActorOf(Props.Create(() => new Sink()));
        _drain = new Sink.Drain();
    }

    [GlobalCleanup]
    public void Cleanup() => _system.Terminate().Wait();

    /// <summary>Tells a batch and waits until the actor has processed it, so the queue does not grow across iterations.</summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    public void Tell()
    {
        var sink = _sink;
        for (var i = 0; i < Batch; i++)
        {
            sink.Tell(s_message, null);
        }

        _drain.Reset();
        sink.Tell(_drain, null);
        _drain.Wait();
    }

    private sealed class Sink : UntypedActor
    {
        protected override void OnReceive(object message)
        {
            if (message is Drain drain)
            {
                drain.Set();
            }
        }

        internal sealed class Drain
        {
            private readonly ManualResetEventSlim _event = new();

            public void Reset() => _event.Reset();

            public void Set() => _event.Set();

            public void Wait() => _event.Wait();
        }
    }
}
