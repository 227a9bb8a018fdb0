namespace ActorEcho.Cli;

/// <summary>The exit codes of <c>actorecho</c> (documented in the README's "Console host" section).</summary>
internal static class ExitCodes
{
    /// <summary>Served and shut down cleanly (first Ctrl+C / SIGTERM), or <c>--help</c>.</summary>
    public const int Success = 0;

    /// <summary>The server could not listen: address in use, permission denied, address not available, bind timed out.</summary>
    public const int CannotListen = 1;

    /// <summary>A usage error: a bad flag, or a bad configuration file or value.</summary>
    public const int Usage = 2;

    /// <summary>A second SIGINT (Ctrl+C) during shutdown: exit at once (128 + 2).</summary>
    public const int SecondSigInt = 130;

    /// <summary>A second SIGTERM during shutdown: exit at once (128 + 15).</summary>
    public const int SecondSigTerm = 143;
}
