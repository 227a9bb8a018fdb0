namespace ActorEcho.Server.Internal;

/// <summary>
/// Why an echo connection ended, as an operator reads it: the <c>reason</c> tag of <c>actorecho.server.connections_closed</c> and
/// the reason in the per-connection Debug log line.
/// </summary>
internal static class CloseReason
{
    /// <summary>The client closed its side (FIN) and every echo was written.</summary>
    public const string Peer = "peer";

    /// <summary>The connection failed: reset by the client, a transport error, or the connection actor died.</summary>
    public const string Error = "error";

    /// <summary>Nothing arrived for <c>idle-timeout</c>.</summary>
    public const string Idle = "idle";

    /// <summary>The client sent more than <c>max-bytes-per-connection</c> and was reset.</summary>
    public const string Limit = "limit";

    /// <summary>Drained (or reset at the drain timeout) during shutdown, or stopped with the server or actor system.</summary>
    public const string Shutdown = "shutdown";

    /// <summary>The handler threw; its supervisor (the server) stopped it and the connection was reset.</summary>
    public const string HandlerFailed = "handler-failed";
}
