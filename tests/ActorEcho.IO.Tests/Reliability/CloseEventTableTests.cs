using System.Net;
using ActorEcho.Actors;
using ActorEcho.IO.Buffers;
using ActorEcho.IO.Tests.Tcp.Infrastructure;
using Xunit.Abstractions;

namespace ActorEcho.IO.Tests.Reliability;

/// <summary>
/// One table over every way a connection ends (Akka.NET #7634: close events arrived "sometimes, usually not"): the party that owns the
/// connection hears exactly one close event, of the kind the ending calls for, and nothing after it; the connection actor stops; the
/// client sees the connection end. The handler is a <see cref="Forwarder"/> to a probe, so that it can also die.
/// </summary>
public sealed class CloseEventTableTests(ITestOutputHelper output) : TcpTestKit("actorecho.io.tcp.register-timeout = 2s", output)
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(300);

    /// <summary>The ending, the close event the owner must hear (null: nobody is left to hear one) and how the client sees the end.</summary>
    public static TheoryData<ConnectionEnding, Type?, ClientEnd[]> Endings => new()
    {
        { ConnectionEnding.PeerFin, typeof(IO.Tcp.PeerClosed), [ClientEnd.Eof] },
        { ConnectionEnding.PeerReset, typeof(IO.Tcp.ErrorClosed), [] },
        { ConnectionEnding.Close, typeof(IO.Tcp.Closed), [ClientEnd.Eof] },
        { ConnectionEnding.ConfirmedClose, typeof(IO.Tcp.ConfirmedClosed), [ClientEnd.Eof] },
        { ConnectionEnding.Abort, typeof(IO.Tcp.Aborted), [ClientEnd.Reset] },
        { ConnectionEnding.HandlerDeath, null, [ClientEnd.Reset] },
        { ConnectionEnding.UnbindThenClose, typeof(IO.Tcp.Closed), [ClientEnd.Eof] },
        { ConnectionEnding.ListenerStopped, typeof(IO.Tcp.ErrorClosed), [ClientEnd.Eof, ClientEnd.Reset] },
        { ConnectionEnding.SystemTerminated, typeof(IO.Tcp.ErrorClosed), [ClientEnd.Eof, ClientEnd.Reset] },
        { ConnectionEnding.RegisterTimeout, typeof(IO.Tcp.ErrorClosed), [ClientEnd.Reset] },
    };

    [Theory]
    [MemberData(nameof(Endings))]
    public async Task ConnectionEnds_EveryWay_OwnerHearsExactlyOneCloseEventOfTheRightKindAndNothingAfter(
        ConnectionEnding ending, Type? expectedEvent, ClientEnd[] clientEnds)
    {
        // SystemTerminated: the TCP layer runs in a second actor system, the probes in this one, so terminating it spares the probes.
        await using var tcpSystem = ending == ConnectionEnding.SystemTerminated ? ActorSystem.Create("close-table-tcp") : null;
        var manager = tcpSystem is null ? Manager : IO.Tcp.Manager(tcpSystem);
        var events = CreateTestProbe("events");
        var bindHandler = CreateTestProbe("bind-handler");
        manager.Tell(new IO.Tcp.Bind(bindHandler.Ref, new IPEndPoint(IPAddress.Loopback, 0)), TestActor);
        var bound = await ExpectMsgAsync<IO.Tcp.Bound>(Wait);
        var listener = LastSender;
        using var accepted = await AcceptAsync(bindHandler, (IPEndPoint)bound.LocalAddress);
        var connection = await WatchAsync(accepted.Connection);
        var handler = Sys.ActorOf(Forwarder.CreateProps(events.Ref), "handler");
        if (ending != ConnectionEnding.RegisterTimeout)
        {
            accepted.Connection.Tell(new IO.Tcp.Register(handler), handler);

            // Data both ways proves the connection is registered and live before it ends.
            await accepted.Client.SendAsync("ping"u8.ToArray());
            Assert.Equal("ping"u8.ToArray(), await ExpectReceivedAsync(events, 4));
            accepted.Connection.Tell(new IO.Tcp.Write(ByteString.FromString("pong")), handler);
            Assert.Equal("pong"u8.ToArray(), await accepted.Client.ReceiveExactlyAsync(4));
        }

        await EndAsync(ending, accepted, handler, listener, tcpSystem);

        // The owner of the connection: the registered handler, or the bind handler while nobody registered.
        var owner = ending == ConnectionEnding.RegisterTimeout ? bindHandler : events;
        if (expectedEvent is not null)
        {
            var closed = await owner.ExpectMsgAsync<IO.Tcp.ConnectionClosed>(Wait, $"the close event of {ending}");
            Assert.IsType(expectedEvent, closed);
            Assert.Equal(accepted.Connection, owner.LastSender);
        }

        await ExpectTerminatedAsync(connection, Wait);
        if (clientEnds.Length > 0)
        {
            var outcome = await accepted.Client.ReceiveUntilEofAsync(Wait);
            Assert.True(Array.IndexOf(clientEnds, outcome.End) >= 0, $"{ending}: the client saw {outcome}, expected one of {string.Join(", ", clientEnds)}.");
            Assert.Empty(outcome.Data);
        }

        await events.ExpectNoMsgAsync(Quiet);
        await bindHandler.ExpectNoMsgAsync(Quiet);
    }

    private async Task EndAsync(ConnectionEnding ending, AcceptedConnection accepted, IActorRef handler, IActorRef listener, ActorSystem? tcpSystem)
    {
        switch (ending)
        {
            case ConnectionEnding.PeerFin:
                accepted.Client.ShutdownSend();
                break;
            case ConnectionEnding.PeerReset:
                accepted.Client.Reset();
                break;
            case ConnectionEnding.Close:
                accepted.Connection.Tell(IO.Tcp.Close.Instance, handler);
                break;
            case ConnectionEnding.ConfirmedClose:
                // The server half-closes and reads on until the client's FIN; the client answers EOF with its own.
                accepted.Connection.Tell(IO.Tcp.ConfirmedClose.Instance, handler);
                Assert.Equal(ClientEnd.Eof, (await accepted.Client.ReceiveUntilEofAsync(Wait)).End);
                accepted.Client.ShutdownSend();
                break;
            case ConnectionEnding.Abort:
                accepted.Connection.Tell(IO.Tcp.Abort.Instance, handler);
                break;
            case ConnectionEnding.HandlerDeath:
                Sys.Stop(handler);
                break;
            case ConnectionEnding.UnbindThenClose:
                listener.Tell(IO.Tcp.Unbind.Instance, TestActor);
                await ExpectMsgAsync<IO.Tcp.Unbound>(Wait);
                accepted.Connection.Tell(IO.Tcp.Close.Instance, handler);
                break;
            case ConnectionEnding.ListenerStopped:
                Sys.Stop(listener);
                break;
            case ConnectionEnding.SystemTerminated:
                await tcpSystem!.Terminate().WaitAsync(Wait);
                break;
            case ConnectionEnding.RegisterTimeout:
                break; // wait for the timeout
            default:
                throw new ArgumentOutOfRangeException(nameof(ending), ending, null);
        }
    }
}
