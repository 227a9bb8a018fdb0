using System.Net;
using Microsoft.Extensions.Logging;

namespace ActorEcho.Server.Hosting;

/// <summary>Log messages of hosted echo servers (event ids 4100-4199).</summary>
internal static partial class EchoServerHostingLog
{
    [LoggerMessage(4100, LogLevel.Information, "Echo server {Server} listening on {Address}")]
    public static partial void Listening(ILogger logger, string server, IPEndPoint address);

    [LoggerMessage(4101, LogLevel.Information, "Echo server {Server} stopped accepting connections")]
    public static partial void Unbound(ILogger logger, string server);

    [LoggerMessage(4102, LogLevel.Warning, "Echo server {Server}: {Aborted} connection(s) did not finish within {DrainTimeout} and were reset")]
    public static partial void DrainAborted(ILogger logger, string server, int aborted, TimeSpan drainTimeout);

    [LoggerMessage(
        4103,
        LogLevel.Warning,
        "Echo server {Server}: drain-timeout ({DrainTimeout}) plus 1 s exceeds the coordinated-shutdown phase service-requests-done ({PhaseTimeout}); the phase will cut the drain short. Raise actorecho.coordinated-shutdown.phases.service-requests-done.timeout")]
    public static partial void DrainOutlastsPhase(ILogger logger, string server, TimeSpan drainTimeout, TimeSpan phaseTimeout);
}
