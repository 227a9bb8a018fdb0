using ActorEcho.Benchmarks.Actors;
using ActorEcho.Benchmarks.IdleConnections;
using ActorEcho.Benchmarks.Infrastructure;
using BenchmarkDotNet.Running;

// `idle-memory` is a direct measurement (retained heap per idle actor); everything else is BenchmarkDotNet.
if (args.Length > 0 && args[0] == "idle-memory")
{
    return await IdleActorMemory.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100_000);
}

// `idle-connections [N] [plain] [--hold-seconds S]`: retained managed bytes and RSS per idle TCP connection (IdleConnectionMemory).
if (args.Length > 0 && args[0] == "idle-connections")
{
    return await IdleConnectionMemory.RunAsync(args[1..]);
}

if (args.Length == 3 && args[0] == "idle-client")
{
    return await IdleClient.RunAsync(int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture), int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture));
}

BenchmarkSwitcher.FromAssembly(typeof(PingPongBenchmark).Assembly).Run(args, new BenchConfig());
return 0;
