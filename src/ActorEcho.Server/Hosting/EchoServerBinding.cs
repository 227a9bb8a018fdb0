using System.Net;

namespace ActorEcho.Server.Hosting;

/// <summary>A hosted echo server that is listening: its registry key, the address actually bound (the real port when 0 was asked for) and the actor.</summary>
/// <param name="Key">The <see cref="ActorEcho.Hosting.ActorRegistry"/> key the server is registered under.</param>
/// <param name="LocalAddress">The address the listener is bound to.</param>
/// <param name="Server">The <see cref="EchoServer"/> actor.</param>
public sealed record EchoServerBinding(Type Key, IPEndPoint LocalAddress, IActorRef Server);
