namespace ActorEcho.Benchmarks.IdleConnections;

/// <summary>How many of this process's descriptors are sockets (Linux): the listener plus one per accepted connection.</summary>
internal static class SocketDescriptors
{
    public static int Count()
    {
        var count = 0;
        foreach (var entry in Directory.EnumerateFileSystemEntries("/proc/self/fd"))
        {
            try
            {
                if (new FileInfo(entry).LinkTarget?.StartsWith("socket:", StringComparison.Ordinal) == true)
                {
                    count++;
                }
            }
            catch (IOException)
            {
                // Closed while enumerating.
            }
        }

        return count;
    }
}
