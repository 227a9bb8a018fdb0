using System.Net;
using System.Net.Sockets;
using System.Text;
using ActorEcho.IO.Buffers;
using ActorEcho.IO.Tests.Tcp.Infrastructure;
using Xunit.Abstractions;

namespace ActorEcho.IO.Tests.Tcp;

/// <summary>Bind, Unbind, the listener's lifecycle and the manager, over real loopback sockets.</summary>
public sealed class TcpListenerTests(ITestOutputHelper output) : TcpTestKit(null, output)
{
    [Fact]
    public async Task Bind_PortZero_ListenerRepliesBoundWithRealPort()
    {
        var bindHandler = CreateTestProbe("bind-handler");
        var bind = new IO.Tcp.Bind(bindHandler.Ref, AnyLoopbackPort);
        Manager.Tell(bind, TestActor);

        var bound = await ExpectMsgAsync<IO.Tcp.Bound>(Wait);
        var listener = LastSender;
        var address = Assert.IsType<IPEndPoint>(bound.LocalAddress);
        Assert.Equal(IPAddress.Loopback, address.Address);
        Assert.NotEqual(0, address.Port);
        Assert.Equal(["system", "IO-TCP"], listener.Path.Elements.Take(2));
        Assert.StartsWith("listener-", listener.Path.Name, StringComparison.Ordinal);

        // The port is really listening, and its connections are children of that listener.
        using var accepted = await AcceptAsync(bindHandler, address);
        Assert.Equal(listener.Path, accepted.Connection.Path.Parent);
    }

    [Fact]
    public async Task Bind_PortInUse_CommandFailedWithAddressInUseAndListenerStops()
    {
        using var occupant = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        occupant.Bind(AnyLoopbackPort);
        occupant.Listen(1);
        var bindHandler = CreateTestProbe("bind-handler");
        var bind = new IO.Tcp.Bind(bindHandler.Ref, occupant.LocalEndPoint!);
        Manager.Tell(bind, TestActor);

        var failed = await ExpectMsgAsync<IO.Tcp.CommandFailed>(Wait);
        Assert.Same(bind, failed.Cmd);
        Assert.Equal(SocketError.AddressAlreadyInUse, Assert.IsType<SocketException>(failed.Cause).SocketErrorCode);
        var listener = await WatchAsync(LastSender);
        await ExpectTerminatedAsync(listener, Wait);
        await bindHandler.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task Bind_NonLocalAddress_CommandFailedWithAddressNotAvailable()
    {
        // 203.0.113.1 is TEST-NET-3: never assigned to a local interface, so bind() fails locally (EADDRNOTAVAIL) and nothing is sent.
        var bindHandler = CreateTestProbe("bind-handler");
        var bind = new IO.Tcp.Bind(bindHandler.Ref, new IPEndPoint(IPAddress.Parse("203.0.113.1"), 0));
        Manager.Tell(bind, TestActor);

        var failed = await ExpectMsgAsync<IO.Tcp.CommandFailed>(Wait);
        Assert.Same(bind, failed.Cmd);
        var socketError = Assert.IsType<SocketException>(failed.Cause, exactMatch: false);
        Assert.Equal(SocketError.AddressNotAvailable, socketError.SocketErrorCode);
        var listener = await WatchAsync(LastSender);
        await ExpectTerminatedAsync(listener, Wait);
    }

    [Fact]
    public async Task Unbind_WithAcceptedConnection_UnboundAndRefusesNewClientsButKeepsConnection()
    {
        var bindHandler = CreateTestProbe("bind-handler");
        var handler = CreateTestProbe("handler");
        var (listener, address) = await BindAsync(bindHandler);
        using var accepted = await AcceptAsync(bindHandler, address);
        handler.Send(accepted.Connection, new IO.Tcp.Register(handler.Ref));
        await WatchAsync(listener);

        listener.Tell(IO.Tcp.Unbind.Instance, TestActor);
        await ExpectMsgFromAsync<IO.Tcp.Unbound>(listener, Wait);

        // Unbound comes after the listening socket is closed: a new client is refused at once.
        var refused = await Assert.ThrowsAsync<SocketException>(() => LoopbackClient.ConnectAsync(address));
        Assert.Equal(SocketError.ConnectionRefused, refused.SocketErrorCode);
        await bindHandler.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(200));

        // The accepted connection still echoes both ways.
        var ping = Encoding.ASCII.GetBytes("still there?");
        await accepted.Client.SendAsync(ping);
        Assert.Equal(ping, await ExpectReceivedAsync(handler, ping.Length));
        handler.Send(accepted.Connection, new IO.Tcp.Write(ByteString.FromBytes(ping)));
        Assert.Equal(ping, await accepted.Client.ReceiveExactlyAsync(ping.Length));

        // The listener is still there for its connection, and stops when the last one closes.
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
        accepted.Client.ShutdownSend();
        await handler.ExpectMsgAsync<IO.Tcp.PeerClosed>(Wait);
        await ExpectTerminatedAsync(listener, Wait);
    }

    [Fact]
    public async Task Unbind_WithoutConnections_UnboundAndListenerStops()
    {
        var bindHandler = CreateTestProbe("bind-handler");
        var (listener, _) = await BindAsync(bindHandler);
        await WatchAsync(listener);

        listener.Tell(IO.Tcp.Unbind.Instance, TestActor);
        await ExpectMsgAsync<IO.Tcp.Unbound>(Wait);
        await ExpectTerminatedAsync(listener, Wait);
    }

    [Fact]
    public async Task BindHandler_Dies_ListenerStopsAndReleasesPort()
    {
        var bindHandler = CreateTestProbe("bind-handler");
        var handler = CreateTestProbe("handler");
        var (listener, address) = await BindAsync(bindHandler);
        using var accepted = await AcceptAsync(bindHandler, address);
        handler.Send(accepted.Connection, new IO.Tcp.Register(handler.Ref));
        await WatchAsync(listener);

        // Data flowing proves the Register was processed (so the connection no longer depends on the bind handler).
        await accepted.Client.SendAsync(new byte[] { 42 });
        Assert.Equal([42], await ExpectReceivedAsync(handler, 1));

        Sys.Stop(bindHandler.Ref);

        await ExpectTerminatedAsync(listener, Wait);
        await AwaitAssertAsync(async () =>
        {
            var refused = await Assert.ThrowsAsync<SocketException>(() => LoopbackClient.ConnectAsync(address, TimeSpan.FromSeconds(1)));
            Assert.Equal(SocketError.ConnectionRefused, refused.SocketErrorCode);
        }, Wait);

        // Its connections were children of the listener: each ends with exactly one close event, and its client sees the end.
        var closed = await handler.ExpectMsgAsync<IO.Tcp.ConnectionClosed>(Wait);
        Assert.True(closed.IsErrorClosed, $"Expected an ErrorClosed, got {closed}.");
        await handler.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(200));
        AssertClosedByServer(await accepted.Client.ReceiveUntilEofAsync());
    }

    [Fact]
    public async Task Manager_MisroutedCommand_CommandFailedWithArgumentExceptionAndManagerKeepsWorking()
    {
        Manager.Tell(IO.Tcp.Close.Instance, TestActor);

        var failed = await ExpectMsgAsync<IO.Tcp.CommandFailed>(Wait);
        Assert.Same(IO.Tcp.Close.Instance, failed.Cmd);
        Assert.IsType<ArgumentException>(failed.Cause);
        Assert.Equal(Manager, LastSender);

        var bindHandler = CreateTestProbe("bind-handler");
        var (_, address) = await BindAsync(bindHandler);
        using var accepted = await AcceptAsync(bindHandler, address);
    }

    [Fact]
    public async Task Bind_PullMode_AcceptsOnlyAsManyAsResumeAcceptingAllows()
    {
        var bindHandler = CreateTestProbe("bind-handler");
        var (listener, address) = await BindAsync(bindHandler, pullMode: true);

        // The handshake completes in the kernel's backlog, but the listener accepts nothing without credit.
        using var first = await LoopbackClient.ConnectAsync(address);
        await bindHandler.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(300));

        listener.Tell(new IO.Tcp.ResumeAccepting(1), TestActor);
        var connected = await bindHandler.ExpectMsgAsync<IO.Tcp.Connected>(Wait);
        Assert.Equal(first.LocalEndPoint, connected.RemoteAddress);

        using var second = await LoopbackClient.ConnectAsync(address);
        await bindHandler.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(300));
        listener.Tell(new IO.Tcp.ResumeAccepting(1), TestActor);
        connected = await bindHandler.ExpectMsgAsync<IO.Tcp.Connected>(Wait);
        Assert.Equal(second.LocalEndPoint, connected.RemoteAddress);
    }
}

/// <summary><c>max-connections = 2</c>: connections beyond it are closed at once; capacity comes back when one closes.</summary>
public sealed class TcpMaxConnectionsTests(ITestOutputHelper output) : TcpTestKit("actorecho.io.tcp.max-connections = 2", output)
{
    [Fact]
    public async Task MaxConnections_ThirdClient_ClosedAtOnceWhileFirstTwoKeepWorking()
    {
        var bindHandler = CreateTestProbe("bind-handler");
        var (_, address) = await BindAsync(bindHandler);
        var handlers = new[] { CreateTestProbe("handler-1"), CreateTestProbe("handler-2") };
        var clients = new List<AcceptedConnection>();
        try
        {
            for (var i = 0; i < 2; i++)
            {
                var accepted = await AcceptAsync(bindHandler, address);
                clients.Add(accepted);
                handlers[i].Send(accepted.Connection, new IO.Tcp.Register(handlers[i].Ref));
            }

            await AssertRefusedAsync(address, TimeSpan.FromSeconds(3));

            await bindHandler.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(200));

            for (var i = 0; i < 2; i++)
            {
                var data = Encoding.ASCII.GetBytes($"client {i}");
                await clients[i].Client.SendAsync(data);
                Assert.Equal(data, await ExpectReceivedAsync(handlers[i], data.Length));
                handlers[i].Send(clients[i].Connection, new IO.Tcp.Write(ByteString.FromBytes(data)));
                Assert.Equal(data, await clients[i].Client.ReceiveExactlyAsync(data.Length));
            }

            // One closes; a new client is then accepted (once the listener has counted the closed one).
            clients[0].Client.ShutdownSend();
            await handlers[0].ExpectMsgAsync<IO.Tcp.PeerClosed>(Wait);
            AcceptedConnection? late = null;
            await AwaitAssertAsync(async () =>
            {
                var client = await LoopbackClient.ConnectAsync(address);
                var connected = await bindHandler.ReceiveOneAsync(TimeSpan.FromMilliseconds(500));
                if (connected?.Message is not IO.Tcp.Connected c)
                {
                    client.Dispose();
                    throw new Xunit.Sdk.XunitException($"Not accepted yet (got {connected?.Message?.ToString() ?? "nothing"}).");
                }

                late = new AcceptedConnection(client, connected.Sender, c);
            }, Wait);

            clients.Add(late!);
            Assert.Equal(late!.Client.LocalEndPoint, late.Connected.RemoteAddress);
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
        }
    }
}
