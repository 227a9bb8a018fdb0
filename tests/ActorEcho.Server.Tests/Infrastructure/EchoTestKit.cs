using System.Net;
using ActorEcho.TestKit;
using Xunit.Abstractions;

namespace ActorEcho.Server.Tests.Infrastructure;

/// <summary>
/// TestKit base for the echo actors: TestProbes stand in for the TCP manager, the listener (the sender of Bound) and each connection
/// (the sender of Connected), so every message the actors send to the TCP layer can be asserted on.
/// </summary>
public abstract class EchoTestKit(ITestOutputHelper output, string? systemName = null) : ActorEcho.TestKit.TestKit(output: output, systemName: systemName)
{
    /// <summary>A client address for Connected.</summary>
    protected static readonly IPEndPoint Remote = new(IPAddress.Loopback, 50_000);

    /// <summary>Where the fake listener says it is bound.</summary>
    protected static readonly IPEndPoint BoundAddress = new(IPAddress.Loopback, 41_234);

    /// <summary>Port 0 and a tiny re-bind back-off, so re-bind tests take milliseconds.</summary>
    protected static EchoServerSettings TestSettings { get; } = EchoServerSettings.Default with
    {
        Port = 0,
        RebindInitialBackoff = TimeSpan.FromMilliseconds(20),
        RebindMaxBackoff = TimeSpan.FromMilliseconds(100),
    };

    /// <summary>Starts a server whose TCP manager is a probe and returns it once it sent Bind.</summary>
    protected async Task<(IActorRef Server, TestProbe Manager, Tcp.Bind Bind)> StartServerAsync(EchoServerSettings? settings = null)
    {
        var manager = CreateTestProbe("tcp-manager");
        var server = Sys.ActorOf(EchoServer.CreateProps(settings ?? TestSettings, manager.Ref), "echo-server");
        var bind = await manager.ExpectMsgAsync<Tcp.Bind>(b => b.Handler.Equals(server));
        return (server, manager, bind);
    }

    /// <summary>Starts a server and binds it: a listener probe answers the Bind with Bound.</summary>
    protected async Task<(IActorRef Server, TestProbe Manager, TestProbe Listener)> StartBoundServerAsync(EchoServerSettings? settings = null)
    {
        var (server, manager, _) = await StartServerAsync(settings);
        var listener = CreateTestProbe("listener");
        listener.Send(server, new Tcp.Bound(BoundAddress));
        server.Tell(EchoServer.GetBoundAddress.Instance, TestActor);
        await ExpectMsgAsync<Tcp.Bound>(b => b.LocalAddress.Equals(BoundAddress));
        return (server, manager, listener);
    }

    /// <summary>A connection probe announces a client to the server; returns the handler it registered.</summary>
    protected async Task<(IActorRef Handler, TestProbe Connection)> ConnectAsync(IActorRef server, string? name = null)
    {
        var connection = CreateTestProbe(name);
        connection.Send(server, new Tcp.Connected(Remote, BoundAddress));
        var register = await connection.ExpectMsgAsync<Tcp.Register>();
        return (register.Handler, connection);
    }

    /// <summary>An EchoConnection created directly (no server), talking to a connection probe.</summary>
    protected (IActorRef Handler, TestProbe Connection) StartConnection(EchoServerSettings settings)
    {
        var connection = CreateTestProbe();
        var handler = Sys.ActorOf(EchoConnection.CreateProps(connection.Ref, Remote, settings, 0));
        return (handler, connection);
    }

    /// <summary>Sends <paramref name="text"/> to the handler as if read from the socket.</summary>
    protected static void Receive(TestProbe connection, IActorRef handler, string text) =>
        connection.Send(handler, new Tcp.Received(ByteString.FromString(text)));

    /// <summary>Expects the echo of <paramref name="text"/> at the connection.</summary>
    protected static Task<Tcp.Write> ExpectEchoAsync(TestProbe connection, string text) =>
        connection.ExpectMsgAsync<Tcp.Write>(w => w.Data.DecodeString() == text, hint: $"an echo of '{text}'");

    /// <summary>Acknowledges <paramref name="write"/> the way the TCP connection does: by sending its Ack event back to the writer.</summary>
    protected static void AckWrite(TestProbe connection, IActorRef handler, Tcp.Write write)
    {
        Assert.True(write.WantsAck, $"{write} did not ask for an ack");
        connection.Send(handler, write.Ack);
    }
}
