using System.Threading.Channels;
using ActorEcho.Actors;
using BenchmarkDotNet.Attributes;

namespace ActorEcho.Benchmarks.Actors;

/// <summary>Many concurrent senders into one receiver: the mailbox's multi-producer path vs a multi-writer channel.</summary>
[MemoryDiagnoser]
public class FanInBenchmark
{
    private const int Senders = 8;
    private const int MessagesPerSender = 25_000;
    private const int Total = Senders * MessagesPerSender;
    private static readonly object s_message = new();

    private ActorSystem _system = null!;
    private IActorRef _counter = null!;

    [GlobalSetup]
    public void Setup()
    {
        _system = ActorSystem.Create("bench");
        _counter = _system.ActorOf(Props.Create(() => new Counter()));
    }

    [GlobalCleanup]
    public void Cleanup() => _system.Terminate().Wait();

    [Benchmark(Description = "Actors", OperationsPerInvoke = Total)]
    public async Task Actors()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _counter.Tell(new Expect(Total, done), null);
        var senders = new Task[Senders];
        for (var s = 0; s < Senders; s++)
        {
            senders[s] = Task.Run(() =>
            {
                for (var i = 0; i < MessagesPerSender; i++)
                {
                    _counter.Tell(s_message, null);
                }
            });
        }

        await Task.WhenAll(senders);
        await done.Task;
    }

    [Benchmark(Baseline = true, Description = "Channels", OperationsPerInvoke = Total)]
    public async Task Channels()
    {
        var channel = Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true });
        var reader = Task.Run(async () =>
        {
            var count = 0;
            while (count < Total && await channel.Reader.WaitToReadAsync())
            {
                while (channel.Reader.TryRead(out _))
                {
                    count++;
                }
            }
        });
        var senders = new Task[Senders];
        for (var s = 0; s < Senders; s++)
        {
            senders[s] = Task.Run(() =>
            {
                for (var i = 0; i < MessagesPerSender; i++)
                {
                    channel.Writer.TryWrite(s_message);
                }
            });
        }

        await Task.WhenAll(senders);
        await reader;
    }

    private sealed record Expect(int Count, TaskCompletionSource Done);

    private sealed class Counter : UntypedActor
    {
        private int _left;
        private TaskCompletionSource? _done;

        protected override void OnReceive(object message)
        {
            if (message is Expect expect)
            {
                _left = expect.Count;
                _done = expect.Done;
                return;
            }

            if (--_left == 0)
            {
                _done!.TrySetResult();
            }
        }
    }
}
