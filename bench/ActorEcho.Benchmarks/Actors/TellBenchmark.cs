using System.Threading.Channels;
using ActorEcho.Actors;
using BenchmarkDotNet.Attributes;

namespace ActorEcho.Benchmarks.Actors;

/// <summary>
/// The cost of <c>Tell</c> to a local actor, allocations included: once warmed, a Tell of an existing message object must
/// allocate nothing (the envelope is a struct in a reused queue segment).
/// </summary>
[MemoryDiagnoser]
public class TellBenchmark
{
    private const int Batch = 10_000;
    private static readonly object s_message = new();

    private ActorSystem _system = null!;
    private IActorRef _sink = null!;
    private Sink.Drain _drain = null!;
    private Channel<object> _channel = null!;
    private Task _channelReader = Task.CompletedTask;

    [GlobalSetup]
    public void Setup()
    {
        _system = ActorSystem.Create("bench");
        _sink = _system.ActorOf(Props.Create(() => new Sink()));
        _drain = new Sink.Drain();
        _channel = Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true });
        _channelReader = Task.Run(async () =>
        {
            await foreach (var message in _channel.Reader.ReadAllAsync())
            {
                if (message is Sink.Drain drain)
                {
                    drain.Set();
                }
            }
        });
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _channel.Writer.TryComplete();
        _channelReader.Wait();
        _system.Terminate().Wait();
    }

    /// <summary>The same batch through an unbounded channel with one reader loop: the baseline for time and allocations.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Batch)]
    public void ChannelWrite()
    {
        var writer = _channel.Writer;
        for (var i = 0; i < Batch; i++)
        {
            writer.TryWrite(s_message);
        }

        _drain.Reset();
        writer.TryWrite(_drain);
        _drain.Wait();
    }

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
