namespace ActorEcho.Actors.Shutdown;

/// <summary>Why coordinated shutdown ran; the first reason given wins.</summary>
public sealed class ShutdownReason
{
    /// <summary>Creates a reason; applications may define their own.</summary>
    public ShutdownReason(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
    }

    /// <summary>No reason was given.</summary>
    public static ShutdownReason Unknown { get; } = new("unknown");

    /// <summary><see cref="ActorSystem.Terminate"/> was called.</summary>
    public static ShutdownReason ActorSystemTerminate { get; } = new("actor-system-terminate");

    /// <summary>The process is exiting (SIGTERM, Ctrl+C, host stop).</summary>
    public static ShutdownReason ClrExit { get; } = new("clr-exit");

    /// <summary>A short name for logs.</summary>
    public string Name { get; }

    /// <inheritdoc />
    public override string ToString() => Name;
}
