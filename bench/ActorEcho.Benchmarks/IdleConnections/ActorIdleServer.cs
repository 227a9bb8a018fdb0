using System.Net;
using ActorEcho.Actors;
using ActorEcho.IO;
using ActorEcho.Server;

namespace ActorEcho.Benchmarks.IdleConnections;

/// <summary>ActorEcho's echo server with its reference configuration (what <c>actorecho serve</c> runs), on a free loopback port.</summary>
internal sealed class ActorIdleServer : IIdleServer
{
    private readonly ActorSystem _system;

    private ActorIdleServer(ActorSystem system, int port)
    {
        _system = system;
        Port = port;
    }

    public int Port { get; }

    public static async Task<ActorIdleServer> StartAsync()
    {
        var system = ActorSystem.Create("idle-connections");
        var settings = EchoServerSettings.Default with { Host = IPAddress.Loopback, Port = 0 };
        var server = system.ActorOf(EchoServer.CreateProps(settings), "echo");
        var bound = await server.Ask<Tcp.Bound>(EchoServer.GetBoundAddress.Instance, TimeSpan.FromSeconds(10));
        return new ActorIdleServer(system, ((IPEndPoint)bound.LocalAddress).Port);
    }

    public async ValueTask DisposeAsync() => await _system.Terminate();
}
