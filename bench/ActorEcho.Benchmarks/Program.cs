using ActorEcho.Benchmarks.Actors;
using ActorEcho.Benchmarks.Infrastructure;
using BenchmarkDotNet.Running;

// `idle-memory` is a direct measurement (retained heap per idle actor); everything else is BenchmarkDotNet.
if (args.Length > 0 && args[0] == "idle-memory")
{
    return await IdleActorMemory.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100_000);
}

BenchmarkSwitcher.FromAssembly(typeof(PingPongBenchmark).Assembly).Run(args, new BenchConfig());
return 0;
