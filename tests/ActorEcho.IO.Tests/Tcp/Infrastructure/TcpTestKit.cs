using System.Net;
using ActorEcho.Actors;
using ActorEcho.TestKit;
using Xunit.Abstractions;

namespace ActorEcho.IO.Tests.Tcp.Infrastructure;

/// <summary>An ack event for tests: equal when the ids are equal.</summary>
public sealed class TestAck(int id) : IO.Tcp.Event
{
    /// <summary>The ack's id.</summary>
    public int Id { get; } = id;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is TestAck other && other.Id == Id;

    /// <inheritdoc />
    public override int GetHashCode() => Id;

    /// <inheritdoc />
    public override string ToString() => $"TestAck({Id})";
}

/// <summary>A client connected to a listener and the server side of that connection.</summary>
public sealed record AcceptedConnection(LoopbackClient Client, IActorRef Connection, IO.Tcp.Connected Connected) : IDisposable
{
    /// <inheritdoc />
    public void Dispose() => Client.Dispose();
}

/// <summary>
/// TestKit base for the TCP layer over real loopback sockets: binds on 127.0.0.1 port 0 with probes as bind handlers, connects raw
/// socket clients, and collects <see cref="IO.Tcp.Received"/> chunks. Each test gets its own actor system (and TCP manager).
/// </summary>
public abstract class TcpTestKit(string? hocon, ITestOutputHelper output, string? systemName = null) : ActorEcho.TestKit.TestKit(hocon, output, systemName)
{
    /// <summary>Timeout of expectations that wait for the network or the TCP actors.</summary>
    protected static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    /// <summary>127.0.0.1, port 0.</summary>
    protected static IPEndPoint AnyLoopbackPort => new(IPAddress.Loopback, 0);

    /// <summary>This system's TCP manager.</summary>
    protected IActorRef Manager => IO.Tcp.Manager(Sys);

    /// <summary>Deterministic pseudo-random bytes.</summary>
    protected static byte[] RandomBytes(int count, int seed)
    {
        var bytes = new byte[count];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    /// <summary>Binds on 127.0.0.1:0 with the test actor as commander; returns the listener (sender of Bound) and the bound address.</summary>
    protected async Task<(IActorRef Listener, IPEndPoint Address)> BindAsync(TestProbe bindHandler, bool pullMode = false)
    {
        Manager.Tell(new IO.Tcp.Bind(bindHandler.Ref, AnyLoopbackPort, pullMode: pullMode), TestActor);
        var bound = await ExpectMsgAsync<IO.Tcp.Bound>(Wait, "Bound for the listener");
        return (LastSender, Assert.IsType<IPEndPoint>(bound.LocalAddress));
    }

    /// <summary>Connects a client and waits for the bind handler's <see cref="IO.Tcp.Connected"/>.</summary>
    protected static async Task<AcceptedConnection> AcceptAsync(TestProbe bindHandler, IPEndPoint address, int? clientReceiveBufferSize = null)
    {
        var client = await LoopbackClient.ConnectAsync(address, receiveBufferSize: clientReceiveBufferSize);
        try
        {
            var connected = await bindHandler.ExpectMsgAsync<IO.Tcp.Connected>(Wait, "Connected for the new client");
            return new AcceptedConnection(client, bindHandler.LastSender, connected);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>Binds, connects one client and registers <paramref name="handler"/> for it.</summary>
    protected async Task<AcceptedConnection> ConnectRegisteredAsync(
        TestProbe handler,
        bool keepOpenOnPeerClosed = false,
        bool useResumeWriting = true,
        bool pullMode = false,
        int? clientReceiveBufferSize = null)
    {
        var bindHandler = CreateTestProbe("bind-handler");
        var (listener, address) = await BindAsync(bindHandler, pullMode);
        if (pullMode)
        {
            listener.Tell(new IO.Tcp.ResumeAccepting(1), TestActor);
        }

        var accepted = await AcceptAsync(bindHandler, address, clientReceiveBufferSize);
        handler.Send(accepted.Connection, new IO.Tcp.Register(handler.Ref, keepOpenOnPeerClosed, useResumeWriting));
        return accepted;
    }

    /// <summary>
    /// Collects <see cref="IO.Tcp.Received"/> chunks at <paramref name="probe"/> until exactly <paramref name="count"/> bytes arrived;
    /// fails on any other message, on a chunk that overshoots, or on timeout.
    /// </summary>
    protected static async Task<byte[]> ExpectReceivedAsync(TestProbe probe, int count, TimeSpan? timeout = null)
    {
        var result = new byte[count];
        var received = 0;
        var deadline = DateTime.UtcNow + (timeout ?? Wait);
        while (received < count)
        {
            var left = deadline - DateTime.UtcNow;
            var chunk = await probe.ExpectMsgAsync<IO.Tcp.Received>(left > TimeSpan.Zero ? left : TimeSpan.FromMilliseconds(1), $"Received after {received} of {count} bytes");
            Assert.True(received + chunk.Data.Count <= count, $"Received {received + chunk.Data.Count} bytes, more than the {count} expected.");
            chunk.Data.CopyTo(result.AsSpan(received));
            received += chunk.Data.Count;
        }

        return result;
    }

    /// <summary>
    /// After the peer reset the connection: collects what <paramref name="handler"/> hears until nothing arrives for
    /// <paramref name="quiet"/> after <paramref name="connection"/> stopped (before that, for <see cref="Wait"/>: a loaded machine
    /// may take longer than <paramref name="quiet"/> to report the reset), failing on any <see cref="TestAck"/> (a write acked
    /// although its send failed) and on a second close event. Returns the close event, whether the connection stopped (the probe
    /// must watch it), and everything else.
    /// </summary>
    protected static async Task<(IO.Tcp.ConnectionClosed? Closed, bool Terminated, List<object> Others)> CollectAfterResetAsync(
        TestProbe handler, IActorRef connection, TimeSpan quiet)
    {
        IO.Tcp.ConnectionClosed? closed = null;
        var terminated = false;
        var others = new List<object>();
        while (await handler.ReceiveOneAsync(terminated ? quiet : Wait) is { } message)
        {
            switch (message.Message)
            {
                case IO.Tcp.ConnectionClosed c:
                    Assert.True(closed is null, $"A second close event: {c} after {closed}.");
                    closed = c;
                    break;
                case Terminated t when t.ActorRef.Equals(connection):
                    terminated = true;
                    break;
                case TestAck ack:
                    Assert.Fail($"Write {ack.Id} was acked after the peer reset the connection.");
                    break;
                default:
                    others.Add(message.Message);
                    break;
            }
        }

        return (closed, terminated, others);
    }

    /// <summary>
    /// Waits until the server's kernel has acknowledged everything <paramref name="client"/> sent (its send queue in /proc/net/tcp is
    /// empty): a send completes once the client's own kernel has the bytes, which may still be on their way.
    /// </summary>
    protected Task AwaitDeliveredAsync(LoopbackClient client) =>
        AwaitConditionAsync(() => KernelQueues.ServerSendQueue(client.LocalEndPoint, client.RemoteEndPoint) == 0, Wait, message: "the client's send queue to empty");

    /// <summary>Asserts the client's read ended by the server closing (EOF or reset), not by a timeout.</summary>
    protected static void AssertClosedByServer(ReceiveOutcome outcome) =>
        Assert.True(outcome.End is ClientEnd.Eof or ClientEnd.Reset, $"Expected the client to see EOF or a reset, but it saw {outcome}.");

    /// <summary>
    /// Connects a client the server must refuse (accept and close at once) and checks it sees EOF or a reset and no data. On loopback
    /// the server's reset can overtake the end of the handshake, so a connect that fails with a reset counts as refused too.
    /// </summary>
    protected static async Task AssertRefusedAsync(IPEndPoint address, TimeSpan timeout)
    {
        LoopbackClient client;
        try
        {
            client = await LoopbackClient.ConnectAsync(address);
        }
        catch (System.Net.Sockets.SocketException ex) when (ex.SocketErrorCode == System.Net.Sockets.SocketError.ConnectionReset)
        {
            return;
        }

        using (client)
        {
            var outcome = await client.ReceiveUntilEofAsync(timeout);
            AssertClosedByServer(outcome);
            Assert.Empty(outcome.Data);
        }
    }
}
