namespace ActorEcho.Cli;

/// <summary>Whether the host is still starting: a flag the logging filter reads on every host log call, set once from the start path.</summary>
internal sealed class StartupPhase
{
    private volatile bool _ended;

    /// <summary>True until <see cref="End"/>.</summary>
    public bool IsActive => !_ended;

    /// <summary>The host's start returned or threw.</summary>
    public void End() => _ended = true;
}
