using System.Threading.Channels;
using ActorEcho.Actors;
using BenchmarkDotNet.Attributes;

namespace ActorEcho.Benchmarks.Actors;

/// <summary>
/// Ping-pong between pairs (one message in flight per pair), actors vs the same exchange written with
/// System.Threading.Channels reader loops (the baseline). Pairs = 1 and 2 × cores (4 on the 2-core machine).
/// The total of round trips is fixed and split over the pairs, so Ops/s is messages per second over all pairs.
/// </summary>
[MemoryDiagnoser]
public class PingPongBenchmark
{
    private const int TotalRoundTrips = 200_000;

    private ActorSystem _system = null!;
    private IActorRef[] _pingers = [];
    private ChannelPair[] _channelPairs = [];

    [Params(1, 4)]
    public int Pairs { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _system = ActorSystem.Create("bench");
        _pingers = new IActorRef[Pairs];
        for (var i = 0; i < Pairs; i++)
        {
            var pong = _system.ActorOf(Props.Create(() => new Ponger()));
            _pingers[i] = _system.ActorOf(Props.Create(() => new Pinger(pong)));
        }

        _channelPairs = Enumerable.Range(0, Pairs).Select(_ => new ChannelPair()).ToArray();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _system.Terminate().Wait();
        foreach (var pair in _channelPairs)
        {
            pair.Dispose();
        }
    }

    private int RoundTripsPerPair => TotalRoundTrips / Pairs;

    [Benchmark(Description = "Actors", OperationsPerInvoke = TotalRoundTrips * 2)]
    public async Task Actors()
    {
        var runs = new Task[Pairs];
        for (var i = 0; i < Pairs; i++)
        {
            var run = new Run(RoundTripsPerPair);
            _pingers[i].Tell(run, null);
            runs[i] = run.Done.Task;
        }

        await Task.WhenAll(runs);
    }

    [Benchmark(Baseline = true, Description = "Channels", OperationsPerInvoke = TotalRoundTrips * 2)]
    public Task Channels() => Task.WhenAll(_channelPairs.Select(p => p.RunAsync(RoundTripsPerPair)));

    internal sealed class Run(int roundTrips)
    {
        public int Left = roundTrips;

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed class Ponger : UntypedActor
    {
        protected override void OnReceive(object message) => Sender.Tell(message, Self);
    }

    private sealed class Pinger(IActorRef pong) : UntypedActor
    {
        protected override void OnReceive(object message)
        {
            var run = (Run)message;
            if (--run.Left <= 0)
            {
                run.Done.TrySetResult();
                return;
            }

            pong.Tell(run, Self);
        }
    }

    /// <summary>Two reader loops exchanging one message through two unbounded channels, as an actor pair would.</summary>
    private sealed class ChannelPair : IDisposable
    {
        private readonly Channel<Run> _toPong = Channel.CreateUnbounded<Run>(new UnboundedChannelOptions { SingleReader = true });
        private readonly Channel<Run> _toPing = Channel.CreateUnbounded<Run>(new UnboundedChannelOptions { SingleReader = true });
        private readonly Task _pong;
        private readonly Task _ping;

        public ChannelPair()
        {
            _pong = Task.Run(async () =>
            {
                await foreach (var run in _toPong.Reader.ReadAllAsync())
                {
                    _toPing.Writer.TryWrite(run);
                }
            });
            _ping = Task.Run(async () =>
            {
                await foreach (var run in _toPing.Reader.ReadAllAsync())
                {
                    if (--run.Left <= 0)
                    {
                        run.Done.TrySetResult();
                        continue;
                    }

                    _toPong.Writer.TryWrite(run);
                }
            });
        }

        public Task RunAsync(int roundTrips)
        {
            var run = new Run(roundTrips);
            _toPong.Writer.TryWrite(run);
            return run.Done.Task;
        }

        public void Dispose()
        {
            _toPong.Writer.TryComplete();
            _toPing.Writer.TryComplete();
            Task.WaitAll(_pong, _ping);
        }
    }
}
