using System.Net;

namespace ActorEcho.IO;

public static partial class Tcp
{
    /// <summary>
    /// Listen on <see cref="LocalAddress"/> (port 0 picks a free one). Sent to <see cref="Manager"/>; the sender gets <see cref="Bound"/>
    /// from the new listener, or <see cref="CommandFailed"/> with the reason (address in use, permission denied, bad address).
    /// Each accepted client is announced to <see cref="Handler"/> with <see cref="Connected"/>.
    /// </summary>
    public sealed class Bind : Command
    {
        /// <summary>Creates the command.</summary>
        public Bind(IActorRef handler, EndPoint localAddress, int backlog = 1024, bool pullMode = false)
        {
            ArgumentNullException.ThrowIfNull(handler);
            ArgumentNullException.ThrowIfNull(localAddress);
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(backlog);
            Handler = handler;
            LocalAddress = localAddress;
            Backlog = backlog;
            PullMode = pullMode;
        }

        /// <summary>Gets <see cref="Connected"/> for every accepted connection.</summary>
        public IActorRef Handler { get; }

        /// <summary>Where to listen.</summary>
        public EndPoint LocalAddress { get; }

        /// <summary>The listen backlog (pending connections the kernel queues).</summary>
        public int Backlog { get; }

        /// <summary>When true, the listener accepts only as many connections as <see cref="ResumeAccepting"/> allows.</summary>
        public bool PullMode { get; }

        /// <inheritdoc />
        public override string ToString() => $"Bind({LocalAddress}, backlog={Backlog}{(PullMode ? ", pull" : string.Empty)})";
    }

    /// <summary>Stop listening. Sent to the listener (the sender of <see cref="Bound"/>); answered with <see cref="Unbound"/>. Accepted connections stay open.</summary>
    public sealed class Unbind : Command
    {
        private Unbind()
        {
        }

        /// <summary>The only instance.</summary>
        public static Unbind Instance { get; } = new();
    }

    /// <summary>Accept <see cref="BatchSize"/> more connections; for a listener bound in pull mode.</summary>
    public sealed class ResumeAccepting(int batchSize) : Command
    {
        /// <summary>How many more connections to accept.</summary>
        public int BatchSize { get; } = batchSize > 0 ? batchSize : throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "Must be positive.");
    }

    /// <summary>
    /// The reply to <see cref="Connected"/>: <see cref="Handler"/> receives this connection's data and close event. Until it arrives
    /// nothing is read; without it the connection is closed after <c>register-timeout</c>.
    /// </summary>
    public sealed class Register(IActorRef handler, bool keepOpenOnPeerClosed = false, bool useResumeWriting = true) : Command
    {
        /// <summary>Receives <see cref="Received"/> and the close event; the connection closes if it dies.</summary>
        public IActorRef Handler { get; } = handler ?? throw new ArgumentNullException(nameof(handler));

        /// <summary>After the peer's FIN, keep the connection open for writing until the handler closes it (echo servers want this).</summary>
        public bool KeepOpenOnPeerClosed { get; } = keepOpenOnPeerClosed;

        /// <summary>After a write is refused, refuse all later ones until <see cref="ResumeWriting"/> (so nothing is sent out of order).</summary>
        public bool UseResumeWriting { get; } = useResumeWriting;
    }

    /// <summary>Any write command: a single <see cref="Write"/> or a <see cref="CompoundWrite"/>.</summary>
    public abstract class WriteCommand : Command
    {
        private protected WriteCommand()
        {
        }

        /// <summary>Several writes handled as one, so no other writer's data can come between them.</summary>
        public static WriteCommand Create(params Write[] writes) => writes.Length == 1 ? writes[0] : new CompoundWrite(writes);
    }

    /// <summary>
    /// Send <see cref="Data"/>. If <see cref="Ack"/> is not <see cref="NoAck"/>, the sender gets it back, in order, once the data
    /// was handed to the socket (the kernel holds it; this is no proof the peer received it). A write that cannot be accepted is
    /// answered with <see cref="CommandFailed"/> (a NACK) and is not sent; a write whose send failed gets
    /// <see cref="CommandFailed"/>, never its ack.
    /// </summary>
    public sealed class Write : WriteCommand
    {
        /// <summary>Creates the write.</summary>
        public Write(ByteString data, Event? ack = null)
        {
            ArgumentNullException.ThrowIfNull(data);
            Data = data;
            Ack = ack ?? NoAck.Instance;
        }

        /// <summary>A write of nothing, with no ack.</summary>
        public static Write Empty { get; } = new(ByteString.Empty);

        /// <summary>The bytes to send.</summary>
        public ByteString Data { get; }

        /// <summary>The event sent back to the writer once the data was handed to the socket, or <see cref="NoAck"/>.</summary>
        public Event Ack { get; }

        /// <summary>True when the writer wants an ack.</summary>
        public bool WantsAck => Ack is not NoAck;

        /// <summary>Akka.NET's factory: <c>Tcp.Write.Create(data, ack)</c>.</summary>
        public static Write Create(ByteString data, Event? ack = null) => new(data, ack);

        /// <inheritdoc />
        public override string ToString() => $"Write({Data.Count} bytes{(WantsAck ? $", ack={Ack}" : string.Empty)})";
    }

    /// <summary>Several writes, sent back to back; each one's ack is honoured.</summary>
    public sealed class CompoundWrite : WriteCommand
    {
        /// <summary>Creates the compound write.</summary>
        public CompoundWrite(IReadOnlyList<Write> writes)
        {
            ArgumentNullException.ThrowIfNull(writes);
            Writes = writes;
        }

        /// <summary>The writes, in order.</summary>
        public IReadOnlyList<Write> Writes { get; }
    }

    /// <summary>"No ack wanted"; the <see cref="Token"/> lets a writer tell which write a <see cref="CommandFailed"/> is about.</summary>
    public sealed class NoAck(object? token = null) : Event
    {
        /// <summary>The shared instance without a token.</summary>
        public static NoAck Instance { get; } = new();

        /// <summary>The writer's token, if any.</summary>
        public object? Token { get; } = token;
    }

    /// <summary>After a refused write (with <c>useResumeWriting</c>): ask to be told with <see cref="WritingResumed"/> once earlier writes are done.</summary>
    public sealed class ResumeWriting : Command
    {
        private ResumeWriting()
        {
        }

        /// <summary>The only instance.</summary>
        public static ResumeWriting Instance { get; } = new();
    }

    /// <summary>
    /// Half-closes the input (<c>shutdown(SHUT_RD)</c>): what the OS has already received from the peer is still delivered as
    /// <see cref="Received"/>, then reading ends exactly as if the peer had sent FIN (<see cref="PeerClosed"/>). Lets a handler stop
    /// a connection without dropping bytes the OS already holds. Bytes that arrive after the end of input are never read (and
    /// closing with them unread resets the connection), so send it once the peer has gone quiet, as the echo server's drain does.
    /// Not part of Akka.IO. Answered with <see cref="CommandFailed"/> when the transport has no socket to shut down; ignored, without
    /// a reply, once the input has ended or a <see cref="Close"/> is under way. After a <see cref="ConfirmedClose"/> has sent FIN it
    /// ends the wait for the peer's FIN: <see cref="ConfirmedClosed"/> follows. Before <see cref="Register"/> it takes effect when
    /// reading starts.
    /// </summary>
    public sealed class ShutdownInput : Command
    {
        private ShutdownInput()
        {
        }

        /// <summary>The only instance.</summary>
        public static ShutdownInput Instance { get; } = new();
    }

    /// <summary>Stop reading from the socket; TCP flow control then slows the peer. Data already read is still delivered.</summary>
    public sealed class SuspendReading : Command
    {
        private SuspendReading()
        {
        }

        /// <summary>The only instance.</summary>
        public static SuspendReading Instance { get; } = new();
    }

    /// <summary>Resume reading after <see cref="SuspendReading"/>; in pull mode, read the next chunk.</summary>
    public sealed class ResumeReading : Command
    {
        private ResumeReading()
        {
        }

        /// <summary>The only instance.</summary>
        public static ResumeReading Instance { get; } = new();
    }

    /// <summary>The commands that end a connection.</summary>
    public abstract class CloseCommand : Command, IDeadLetterSuppression
    {
        private protected CloseCommand()
        {
        }

        /// <summary>The event that confirms this close.</summary>
        public abstract ConnectionClosed Event { get; }
    }

    /// <summary>Send what is queued, then close (FIN). The handler and the sender get <see cref="Closed"/>.</summary>
    public sealed class Close : CloseCommand
    {
        private Close()
        {
        }

        /// <summary>The only instance.</summary>
        public static Close Instance { get; } = new();

        /// <inheritdoc />
        public override ConnectionClosed Event => Closed.Instance;
    }

    /// <summary>
    /// Half-close: send what is queued, then FIN; keep reading (the handler still gets <see cref="Received"/>) until the peer's FIN,
    /// then report <see cref="ConfirmedClosed"/> to the handler and the sender, once, and close.
    /// </summary>
    /// <remarks>
    /// Writes after it are refused with <see cref="CommandFailed"/>. A peer that never sends FIN keeps the connection open (as in
    /// Akka): send <see cref="Abort"/> to give up with a reset, or <see cref="ShutdownInput"/> to stop waiting and close gracefully.
    /// A reset instead of FIN ends it with <see cref="ErrorClosed"/>. If the peer had
    /// already closed its side (<see cref="Register.KeepOpenOnPeerClosed"/>), it closes as soon as the writes are out.
    /// </remarks>
    public sealed class ConfirmedClose : CloseCommand
    {
        private ConfirmedClose()
        {
        }

        /// <summary>The only instance.</summary>
        public static ConfirmedClose Instance { get; } = new();

        /// <inheritdoc />
        public override ConnectionClosed Event => ConfirmedClosed.Instance;
    }

    /// <summary>Drop what is queued and reset the connection (RST). The handler and the sender get <see cref="Aborted"/>.</summary>
    public sealed class Abort : CloseCommand
    {
        private Abort()
        {
        }

        /// <summary>The only instance.</summary>
        public static Abort Instance { get; } = new();

        /// <inheritdoc />
        public override ConnectionClosed Event => Aborted.Instance;
    }
}
