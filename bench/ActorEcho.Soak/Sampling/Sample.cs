namespace ActorEcho.Soak.Sampling;

/// <summary>One look at the server: seconds since the load started and its resource figures (heap null until the first stats line).</summary>
internal sealed record Sample(double Seconds, long RssBytes, int OpenDescriptors, int Threads, long? HeapBytes, long? ActiveConnections);
