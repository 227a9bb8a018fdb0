using ActorEcho.Actors;

namespace ActorEcho.Benchmarks.Infrastructure;

/// <summary>
/// Retained managed heap per idle actor: spawn N actors that have started (PreStart done) and hold no messages, force a full GC,
/// and divide the heap growth by N. A direct measurement, because BenchmarkDotNet reports allocations, not what stays alive.
/// </summary>
internal static class IdleActorMemory
{
    public static async Task<int> RunAsync(int count)
    {
        var system = ActorSystem.Create("idle-memory");
        var started = new CountdownEvent(count);
        var props = Props.Create(() => new IdleActor(started));
        var before = HeapAfterFullGc();
        var refs = new IActorRef[count];
        for (var i = 0; i < count; i++)
        {
            refs[i] = system.ActorOf(props);
        }

        started.Wait();
        var after = HeapAfterFullGc();
        var perActor = (after - before) / (double)count;
        Console.WriteLine($"idle actors: {count:N0}; retained heap: {(after - before) / 1024.0 / 1024.0:N1} MiB; per actor: {perActor:N0} bytes");
        GC.KeepAlive(refs);
        await system.Terminate();
        return 0;
    }

    private static long HeapAfterFullGc()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private sealed class IdleActor(CountdownEvent started) : UntypedActor
    {
        protected override void PreStart() => started.Signal();

        protected override void OnReceive(object message)
        {
        }
    }
}
