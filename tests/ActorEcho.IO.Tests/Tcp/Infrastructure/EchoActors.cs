using ActorEcho.Actors;
using ActorEcho.IO.Buffers;

namespace ActorEcho.IO.Tests.Tcp.Infrastructure;

/// <summary>
/// Bind handler of an echo server: registers a new <see cref="EchoConnectionHandler"/> for every connection (keeping it open after the
/// peer's FIN so the echo can finish). Every CommandFailed a handler gets is forwarded to <paramref name="monitor"/>.
/// </summary>
public sealed class EchoBindHandler(IActorRef monitor) : ActorBase
{
    public static Props CreateProps(IActorRef monitor) => Props.Create(() => new EchoBindHandler(monitor));

    protected override bool Receive(object message)
    {
        if (message is IO.Tcp.Connected)
        {
            var connection = Sender; // captured now: the Props factory runs later, when Sender is another message's
            var handler = Context.ActorOf(Props.Create(() => new EchoConnectionHandler(connection, monitor)));
            connection.Tell(new IO.Tcp.Register(handler, keepOpenOnPeerClosed: true), Self);
            return true;
        }

        return false;
    }
}

/// <summary>
/// Echoes every <see cref="IO.Tcp.Received"/> back, ACK-based: one write in flight at a time, data that arrives meanwhile is buffered and
/// written as one write on the ack; reading is suspended while more than 256 KiB wait. Closes after the peer's FIN once all is echoed.
/// </summary>
public sealed class EchoConnectionHandler(IActorRef connection, IActorRef monitor) : ActorBase
{
    private const int HighWater = 256 << 10;
    private static readonly TestAck s_ack = new(-1);
    private ByteString _pending = ByteString.Empty;
    private bool _writing;
    private bool _suspended;
    private bool _peerClosed;

    protected override bool Receive(object message)
    {
        switch (message)
        {
            case IO.Tcp.Received received:
                _pending = _pending.Concat(received.Data);
                if (!_suspended && _pending.Count > HighWater)
                {
                    _suspended = true;
                    connection.Tell(IO.Tcp.SuspendReading.Instance, Self);
                }

                WriteIfIdle();
                return true;
            case TestAck:
                _writing = false;
                WriteIfIdle();
                return true;
            case IO.Tcp.PeerClosed:
                _peerClosed = true;
                WriteIfIdle();
                return true;
            case IO.Tcp.ConnectionClosed:
                Context.Stop(Self);
                return true;
            case IO.Tcp.CommandFailed failed:
                monitor.Tell(failed, Self);
                return true;
            default:
                return false;
        }
    }

    private void WriteIfIdle()
    {
        if (_writing)
        {
            return;
        }

        if (!_pending.IsEmpty)
        {
            _writing = true;
            connection.Tell(new IO.Tcp.Write(_pending, s_ack), Self);
            _pending = ByteString.Empty;
            if (_suspended)
            {
                _suspended = false;
                connection.Tell(IO.Tcp.ResumeReading.Instance, Self);
            }

            return;
        }

        if (_peerClosed)
        {
            connection.Tell(IO.Tcp.Close.Instance, Self);
        }
    }
}
