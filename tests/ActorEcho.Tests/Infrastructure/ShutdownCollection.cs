namespace ActorEcho.Tests.Infrastructure;

/// <summary>
/// The real-process shutdown tests run one after the other: the 1,000-client SIGTERM test saturates a 2-core machine, and tests that
/// time how fast a server stops reading or exits must not share the CPU with it.
/// </summary>
internal static class ShutdownCollection
{
    public const string Name = "real-process shutdown";
}
