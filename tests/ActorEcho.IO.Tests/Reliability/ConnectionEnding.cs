namespace ActorEcho.IO.Tests.Reliability;

/// <summary>Every way a TCP connection can end, as seen from the server side (rows of <see cref="CloseEventTableTests"/>).</summary>
public enum ConnectionEnding
{
    /// <summary>The client half-closes (FIN); the handler registered without keep-open.</summary>
    PeerFin,

    /// <summary>The client resets the connection (RST).</summary>
    PeerReset,

    /// <summary>The handler sends <c>Close</c>.</summary>
    Close,

    /// <summary>The handler sends <c>ConfirmedClose</c>; the client answers the server's FIN with its own.</summary>
    ConfirmedClose,

    /// <summary>The handler sends <c>Abort</c>.</summary>
    Abort,

    /// <summary>The handler actor stops.</summary>
    HandlerDeath,

    /// <summary>Server shutdown, gracefully: the listener is unbound, then the handler closes (what EchoServer's drain does).</summary>
    UnbindThenClose,

    /// <summary>Server shutdown, hard: the listener actor (the connection's parent) is stopped.</summary>
    ListenerStopped,

    /// <summary>Server shutdown, hard: the actor system that runs the TCP layer terminates.</summary>
    SystemTerminated,

    /// <summary>Nobody registers a handler before <c>register-timeout</c>.</summary>
    RegisterTimeout,
}
