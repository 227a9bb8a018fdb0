using Microsoft.Extensions.Logging;

namespace ActorEcho.Hosting.Internal;

/// <summary>The hosting layer's log messages (event ids 4000-4099).</summary>
internal static partial class HostingLog
{
    [LoggerMessage(4000, LogLevel.Information, "Actor system {System} started ({Starters} starter(s))")]
    public static partial void Started(ILogger logger, string system, int starters);

    /// <summary>Without the exception: the host logs that once ("Hosting failed to start") and rethrows it to the caller.</summary>
    [LoggerMessage(4001, LogLevel.Information, "Actor system {System} did not start; what had started was stopped")]
    public static partial void StartFailed(ILogger logger, string system);

    [LoggerMessage(4002, LogLevel.Information, "Actor system {System} shutting down with the host")]
    public static partial void Stopping(ILogger logger, string system);

    [LoggerMessage(4003, LogLevel.Information, "Actor system {System} shut down")]
    public static partial void Stopped(ILogger logger, string system);

    [LoggerMessage(4004, LogLevel.Warning, "Actor system {System} did not finish coordinated shutdown within the host's shutdown timeout; the host stops anyway")]
    public static partial void StopTimedOut(ILogger logger, string system);

    [LoggerMessage(4005, LogLevel.Error, "Actor system {System} terminated on its own (reason: {Reason}); stopping the application with exit code {ExitCode}")]
    public static partial void TerminatedOnItsOwn(ILogger logger, string system, string reason, int exitCode);

    [LoggerMessage(4006, LogLevel.Error, "Disposing an actor's dependency-injection scope failed: {Reason}")]
    private static partial void ScopeDisposeFailedCore(ILogger logger, string reason, Exception exception);

    public static void ScopeDisposeFailed(ILogger logger, Exception exception) => ScopeDisposeFailedCore(logger, exception.Message, exception);
}
