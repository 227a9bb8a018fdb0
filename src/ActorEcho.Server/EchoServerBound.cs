using System.Net;

namespace ActorEcho.Server;

/// <summary>
/// Published on the actor system's event stream each time an <see cref="EchoServer"/> is listening (after the first bind and after
/// every re-bind), so hosts and tests learn the real address, including the port the OS picked for port 0.
/// </summary>
/// <param name="LocalAddress">The address actually bound.</param>
public sealed record EchoServerBound(EndPoint LocalAddress);
