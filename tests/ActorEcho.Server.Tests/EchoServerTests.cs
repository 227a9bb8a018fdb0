using System.Net;
using ActorEcho.Server.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ActorEcho.Server.Tests;

/// <summary>EchoServer against probe TCP actors: bind, Bound, register, supervision, re-bind, unbind, drain.</summary>
public sealed class EchoServerTests(ITestOutputHelper output) : EchoTestKit(output)
{
    [Fact]
    public async Task PreStart_InjectedManager_SendsBindForSettingsAddress()
    {
        var settings = TestSettings with { Host = IPAddress.Parse("127.0.0.2"), Port = 7123, Backlog = 77 };
        var manager = CreateTestProbe();

        var server = Sys.ActorOf(EchoServer.CreateProps(settings, manager.Ref));

        var bind = await manager.ExpectMsgAsync<Tcp.Bind>();
        Assert.Equal(server, bind.Handler);
        Assert.Equal(new IPEndPoint(IPAddress.Parse("127.0.0.2"), 7123), bind.LocalAddress);
        Assert.Equal(77, bind.Backlog);
    }

    [Fact]
    public async Task Bound_FromListener_AnswersWaitingQueryAndPublishesEvent()
    {
        var events = CreateTestProbe();
        Sys.EventStream.Subscribe(events.Ref, typeof(EchoServerBound));
        var (server, _, _) = await StartServerAsync();
        server.Tell(EchoServer.GetBoundAddress.Instance, TestActor);
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));

        var listener = CreateTestProbe();
        listener.Send(server, new Tcp.Bound(BoundAddress));

        Assert.Equal(BoundAddress, (await ExpectMsgAsync<Tcp.Bound>()).LocalAddress);
        await events.ExpectMsgAsync(new EchoServerBound(BoundAddress));
        server.Tell(EchoServer.GetBoundAddress.Instance, TestActor);
        Assert.Equal(BoundAddress, (await ExpectMsgAsync<Tcp.Bound>()).LocalAddress);
    }

    [Fact]
    public async Task Bound_FromListener_LogsAddressAtInformation()
    {
        var (server, _, _) = await StartServerAsync();
        var listener = CreateTestProbe();

        await EventFilter.Info(contains: "listening on " + BoundAddress).ExpectOneAsync(() => listener.Send(server, new Tcp.Bound(BoundAddress)));
    }

    [Fact]
    public async Task Connected_NewClients_RegistersChildrenNamedConnNWithKeepOpen()
    {
        var (server, _, _) = await StartBoundServerAsync();
        var first = CreateTestProbe();
        var second = CreateTestProbe();

        first.Send(server, new Tcp.Connected(Remote, BoundAddress));
        second.Send(server, new Tcp.Connected(Remote, BoundAddress));

        var register1 = await first.ExpectMsgAsync<Tcp.Register>();
        var register2 = await second.ExpectMsgAsync<Tcp.Register>();
        Assert.True(register1.KeepOpenOnPeerClosed);
        Assert.True(register2.KeepOpenOnPeerClosed);
        Assert.Equal("conn-1", register1.Handler.Path.Name);
        Assert.Equal("conn-2", register2.Handler.Path.Name);
        Assert.Equal(server.Path, register1.Handler.Path.Parent);
    }

    [Fact]
    public async Task Received_OnRegisteredConnection_WritesSameBytesBack()
    {
        var (server, _, _) = await StartBoundServerAsync();
        var (handler, connection) = await ConnectAsync(server);
        var payload = ByteString.CopyFrom([0, 1, 2, 250, 255]);

        connection.Send(handler, new Tcp.Received(payload));

        var write = await connection.ExpectMsgAsync<Tcp.Write>();
        Assert.Equal(payload, write.Data);
        Assert.Equal(handler, connection.Sender);
    }

    [Fact]
    public async Task Connected_GreetingConfigured_WritesGreetingLineBeforeRegisterSoBeforeAnyEcho()
    {
        var (server, _, _) = await StartBoundServerAsync(TestSettings with { Greeting = "Hello World" });
        var connection = CreateTestProbe();

        connection.Send(server, new Tcp.Connected(Remote, BoundAddress));

        await ExpectEchoAsync(connection, "Hello World\n"); // before the Register, which starts reading
        var greetingSender = connection.Sender;
        var register = await connection.ExpectMsgAsync<Tcp.Register>();
        Assert.Equal(register.Handler, greetingSender); // a NACK or ack of the greeting reaches the handler
        Receive(connection, register.Handler, "ping");
        await ExpectEchoAsync(connection, "ping");
    }

    [Fact]
    public async Task Connected_NoGreeting_WritesNothingBeforeData()
    {
        var (server, _, _) = await StartBoundServerAsync();

        var (_, connection) = await ConnectAsync(server);

        await connection.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task HandlerFailure_OneConnection_StopsOnlyThatHandlerOthersKeepEchoing()
    {
        var (server, _, _) = await StartBoundServerAsync();
        var (failing, failingConnection) = await ConnectAsync(server);
        var (healthy, healthyConnection) = await ConnectAsync(server);
        await WatchAsync(failing);

        // Test-only injection: a Received without data makes the real EchoConnection throw (NullReferenceException) in its handler.
        failingConnection.Send(failing, new Tcp.Received(null!));

        await ExpectTerminatedAsync(failing);
        Receive(healthyConnection, healthy, "still here");
        await ExpectEchoAsync(healthyConnection, "still here");
        var (next, nextConnection) = await ConnectAsync(server);
        Assert.Equal("conn-3", next.Path.Name);
        Receive(nextConnection, next, "new");
        await ExpectEchoAsync(nextConnection, "new");
    }

    [Fact]
    public async Task BindFailed_CommandFailed_LogsWarningAndRebindsAfterBackoff()
    {
        var (server, manager, bind) = await StartServerAsync();

        await EventFilter.Warning(contains: "Bind to").ExpectOneAsync(() => manager.Reply(bind.FailureMessage(new InvalidOperationException("address in use"))));

        var again = await manager.ExpectMsgAsync<Tcp.Bind>(TimeSpan.FromSeconds(3));
        Assert.Equal(server, again.Handler);
        var listener = CreateTestProbe();
        listener.Send(server, new Tcp.Bound(BoundAddress));
        server.Tell(EchoServer.GetBoundAddress.Instance, TestActor);
        await ExpectMsgAsync<Tcp.Bound>();
    }

    [Fact]
    public async Task BindFailed_Repeatedly_KeepsRetryingUntilBound()
    {
        var (server, manager, bind) = await StartServerAsync();

        for (var i = 0; i < 4; i++)
        {
            manager.Reply(bind.FailureMessage());
            bind = await manager.ExpectMsgAsync<Tcp.Bind>(TimeSpan.FromSeconds(3));
        }

        server.Tell(EchoServer.GetBoundAddress.Instance, TestActor);
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(50));
        CreateTestProbe().Send(server, new Tcp.Bound(BoundAddress));
        await ExpectMsgAsync<Tcp.Bound>();
    }

    [Fact]
    public async Task ListenerDies_WhileBound_RebindsAndReportsNewAddress()
    {
        var (server, manager, listener) = await StartBoundServerAsync();
        var events = CreateTestProbe();
        Sys.EventStream.Subscribe(events.Ref, typeof(EchoServerBound));

        await EventFilter.Warning(contains: "stopped unexpectedly").ExpectOneAsync(() => Sys.Stop(listener.Ref));

        await manager.ExpectMsgAsync<Tcp.Bind>(TimeSpan.FromSeconds(3));
        var newAddress = new IPEndPoint(IPAddress.Loopback, 41_999);
        CreateTestProbe().Send(server, new Tcp.Bound(newAddress));
        await events.ExpectMsgAsync(new EchoServerBound(newAddress));
        server.Tell(EchoServer.GetBoundAddress.Instance, TestActor);
        Assert.Equal(newAddress, (await ExpectMsgAsync<Tcp.Bound>()).LocalAddress);
    }

    [Fact]
    public async Task Unbind_WhileBound_UnbindsListenerRepliesUnboundAndNeverRebinds()
    {
        var (server, manager, listener) = await StartBoundServerAsync();

        server.Tell(EchoServer.Unbind.Instance, TestActor);

        await listener.ExpectMsgAsync<Tcp.Unbind>();
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(50));
        listener.Reply(Tcp.Unbound.Instance);
        await ExpectMsgAsync(EchoServer.Unbound.Instance);
        Sys.Stop(listener.Ref); // an unbound listener stops later, once its connections closed: no reason to re-bind
        await manager.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(300));
        server.Tell(EchoServer.GetBoundAddress.Instance, TestActor);
        await ExpectMsgAsync<Status.Failure>();
        server.Tell(EchoServer.Unbind.Instance, TestActor);
        await ExpectMsgAsync(EchoServer.Unbound.Instance);
    }

    [Fact]
    public async Task Unbind_WhileBinding_UnbindsAsSoonAsBound()
    {
        var (server, _, _) = await StartServerAsync();
        server.Tell(EchoServer.Unbind.Instance, TestActor);
        var listener = CreateTestProbe();

        listener.Send(server, new Tcp.Bound(BoundAddress));

        await listener.ExpectMsgAsync<Tcp.Unbind>();
        listener.Reply(Tcp.Unbound.Instance);
        await ExpectMsgAsync(EchoServer.Unbound.Instance);
    }

    [Fact]
    public async Task Unbind_OpenConnections_KeepEchoing()
    {
        var (server, _, listener) = await StartBoundServerAsync();
        var (handler, connection) = await ConnectAsync(server);
        server.Tell(EchoServer.Unbind.Instance, TestActor);
        await listener.ExpectMsgAsync<Tcp.Unbind>();
        listener.Reply(Tcp.Unbound.Instance);
        await ExpectMsgAsync(EchoServer.Unbound.Instance);

        Receive(connection, handler, "after unbind");

        await ExpectEchoAsync(connection, "after unbind");
    }

    [Fact]
    public async Task Drain_NoConnections_RepliesDrainedAtOnce()
    {
        var (server, _, _) = await StartBoundServerAsync();

        server.Tell(new EchoServer.Drain(), TestActor);

        await ExpectMsgAsync(new EchoServer.Drained(0));
    }

    [Fact]
    public async Task Drain_OpenConnections_CloseAfterEchoingThenRepliesDrained()
    {
        var (server, _, _) = await StartBoundServerAsync(TestSettings with { AckEvery = 0 });
        var (idle, idleConnection) = await ConnectAsync(server);
        var (busy, busyConnection) = await ConnectAsync(server);
        Receive(busyConnection, busy, "in flight");
        var echo = await ExpectEchoAsync(busyConnection, "in flight");

        server.Tell(new EchoServer.Drain(TimeSpan.FromSeconds(10)), TestActor);

        await idleConnection.ExpectMsgAsync<Tcp.ShutdownInput>(); // after the quiet period
        idleConnection.Reply(Tcp.PeerClosed.Instance); // the kernel had nothing more from this client
        await idleConnection.ExpectMsgAsync<Tcp.Close>();
        await busyConnection.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100)); // its echo is not acked yet
        AckWrite(busyConnection, busy, echo);
        await busyConnection.ExpectMsgAsync<Tcp.ShutdownInput>();
        busyConnection.Reply(Tcp.PeerClosed.Instance);
        await busyConnection.ExpectMsgAsync<Tcp.Close>();
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(50));
        idleConnection.Reply(Tcp.Closed.Instance);
        busyConnection.Reply(Tcp.Closed.Instance);
        await ExpectMsgAsync(new EchoServer.Drained(0));
        await WatchAsync(idle);
        await ExpectTerminatedAsync(idle);
    }

    [Fact]
    public async Task Drain_Timeout_AbortsRemainingConnectionsAndRepliesDrained()
    {
        var (server, _, _) = await StartBoundServerAsync(TestSettings with { AckEvery = 0 });
        var (busy, busyConnection) = await ConnectAsync(server);
        Receive(busyConnection, busy, "never acked");
        await ExpectEchoAsync(busyConnection, "never acked");

        server.Tell(new EchoServer.Drain(TimeSpan.FromMilliseconds(200)), TestActor);

        await ExpectMsgAsync(new EchoServer.Drained(1));
        await busyConnection.ExpectMsgAsync<Tcp.Abort>();
    }

    [Fact]
    public async Task Drain_ThenNewConnection_DrainsItToo()
    {
        var (server, _, _) = await StartBoundServerAsync();
        server.Tell(new EchoServer.Drain(), TestActor);
        await ExpectMsgAsync(new EchoServer.Drained(0));

        var (_, connection) = await ConnectAsync(server);

        await connection.ExpectMsgAsync<Tcp.ShutdownInput>(); // what the client sent before the unbind is still echoed
        connection.Reply(Tcp.PeerClosed.Instance);
        await connection.ExpectMsgAsync<Tcp.Close>();
    }

    [Fact]
    public void CreateProps_LowWaterMarkNotBelowHigh_Throws()
    {
        var settings = EchoServerSettings.Default with { HighWaterMark = 10, LowWaterMark = 10 };

        var error = Assert.Throws<ArgumentException>(() => EchoServer.CreateProps(settings, TestActor));

        Assert.Contains(nameof(EchoServerSettings.LowWaterMark), error.Message, StringComparison.Ordinal);
    }
}
