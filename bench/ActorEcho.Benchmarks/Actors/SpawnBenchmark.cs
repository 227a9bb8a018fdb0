using ActorEcho.Actors;
using BenchmarkDotNet.Attributes;

namespace ActorEcho.Benchmarks.Actors;

/// <summary>Spawn + stop: a parent creates N children, stops each at once, and waits for all their terminations.</summary>
[MemoryDiagnoser]
public class SpawnBenchmark
{
    private const int Children = 20_000;

    private ActorSystem _system = null!;
    private IActorRef _spawner = null!;

    [GlobalSetup]
    public void Setup()
    {
        _system = ActorSystem.Create("bench");
        _spawner = _system.ActorOf(Props.Create(() => new Spawner()));
    }

    [GlobalCleanup]
    public void Cleanup() => _system.Terminate().Wait();

    [Benchmark(Description = "Spawn+stop", OperationsPerInvoke = Children)]
    public Task SpawnAndStop()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _spawner.Tell(new Go(Children, done), null);
        return done.Task;
    }

    private sealed record Go(int Count, TaskCompletionSource Done);

    private sealed class Idle : UntypedActor
    {
        protected override void OnReceive(object message)
        {
        }
    }

    private sealed class Spawner : UntypedActor
    {
        private static readonly Props s_childProps = Props.Create<Idle>();
        private int _left;
        private TaskCompletionSource? _done;

        protected override void OnReceive(object message)
        {
            switch (message)
            {
                case Go go:
                    _left = go.Count;
                    _done = go.Done;
                    for (var i = 0; i < go.Count; i++)
                    {
                        var child = Context.ActorOf(s_childProps);
                        Context.Watch(child);
                        Context.Stop(child);
                    }

                    break;
                case Terminated:
                    if (--_left == 0)
                    {
                        _done!.TrySetResult();
                    }

                    break;
            }
        }
    }
}
