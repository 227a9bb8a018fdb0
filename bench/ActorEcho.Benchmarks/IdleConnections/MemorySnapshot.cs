namespace ActorEcho.Benchmarks.IdleConnections;

/// <summary>The process's memory after a full, compacting GC: what the managed heap retains, and what the OS sees.</summary>
/// <param name="Managed">Bytes the GC counts as live (<see cref="GC.GetTotalMemory(bool)"/>).</param>
/// <param name="HeapSize">The GC heap's size after the collection, fragmentation included.</param>
/// <param name="Committed">Memory the GC has committed from the OS.</param>
/// <param name="Rss">Resident set size of the whole process (<see cref="Environment.WorkingSet"/>: VmRSS on Linux).</param>
internal readonly record struct MemorySnapshot(long Managed, long HeapSize, long Committed, long Rss)
{
    public static MemorySnapshot Take()
    {
        for (var i = 0; i < 2; i++)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }

        var managed = GC.GetTotalMemory(forceFullCollection: true);
        var info = GC.GetGCMemoryInfo(GCKind.Any);
        return new MemorySnapshot(managed, info.HeapSizeBytes, info.TotalCommittedBytes, Environment.WorkingSet);
    }
}
