using System.Net;

namespace ActorEcho.IO;

public static partial class Tcp
{
    /// <summary>The listener is bound; <see cref="LocalAddress"/> carries the real port. Its sender is the listener (send it <see cref="Unbind"/>).</summary>
    public sealed class Bound(EndPoint localAddress) : Event
    {
        /// <summary>The address actually bound.</summary>
        public EndPoint LocalAddress { get; } = localAddress;

        /// <inheritdoc />
        public override string ToString() => $"Bound({LocalAddress})";
    }

    /// <summary>The listener stopped listening.</summary>
    public sealed class Unbound : Event
    {
        private Unbound()
        {
        }

        /// <summary>The only instance.</summary>
        public static Unbound Instance { get; } = new();
    }

    /// <summary>A client connected; its sender is the connection actor, which expects <see cref="Register"/>.</summary>
    public sealed class Connected(EndPoint remoteAddress, EndPoint localAddress) : Event
    {
        /// <summary>The client's address.</summary>
        public EndPoint RemoteAddress { get; } = remoteAddress;

        /// <summary>Our side's address.</summary>
        public EndPoint LocalAddress { get; } = localAddress;

        /// <inheritdoc />
        public override string ToString() => $"Connected({RemoteAddress} -> {LocalAddress})";
    }

    /// <summary>Bytes read from the connection, in order.</summary>
    public sealed class Received(ByteString data) : Event
    {
        /// <summary>The bytes.</summary>
        public ByteString Data { get; } = data;

        /// <inheritdoc />
        public override string ToString() => $"Received({Data.Count} bytes)";
    }

    /// <summary>A command could not be carried out; <see cref="Cause"/> says why when known.</summary>
    /// <remarks>Not logged when it reaches dead letters: a writer that stopped before its NACK arrived is normal at shutdown.</remarks>
    public sealed class CommandFailed(Command cmd, Exception? cause = null) : Event, IDeadLetterSuppression
    {
        /// <summary>The command that failed (for a refused write, the <see cref="Write"/> itself).</summary>
        public Command Cmd { get; } = cmd;

        /// <summary>Why, if known.</summary>
        public Exception? Cause { get; } = cause;

        /// <inheritdoc />
        public override string ToString() => Cause is null ? $"CommandFailed({Cmd})" : $"CommandFailed({Cmd}) because of {Cause.Message}";
    }

    /// <summary>After <see cref="ResumeWriting"/>: every write accepted before it is done; writing may resume.</summary>
    public sealed class WritingResumed : Event
    {
        private WritingResumed()
        {
        }

        /// <summary>The only instance.</summary>
        public static WritingResumed Instance { get; } = new();
    }

    /// <summary>
    /// The connection is closed: exactly one of these ends every connection. The one exception to "one event" is by request:
    /// with <c>keepOpenOnPeerClosed</c>, <see cref="PeerClosed"/> is a notice and the close the handler then asks for is reported too.
    /// </summary>
    public abstract class ConnectionClosed : Event, IDeadLetterSuppression
    {
        private protected ConnectionClosed()
        {
        }

        /// <summary>We reset it (<see cref="Abort"/>).</summary>
        public virtual bool IsAborted => false;

        /// <summary>It closed after <see cref="ConfirmedClose"/>.</summary>
        public virtual bool IsConfirmed => false;

        /// <summary>The peer closed its side (FIN).</summary>
        public virtual bool IsPeerClosed => false;

        /// <summary>It failed (reset by the peer, I/O error, timeout).</summary>
        public virtual bool IsErrorClosed => false;

        /// <summary>The reason for an error close.</summary>
        public virtual string? Cause => null;
    }

    /// <summary>Closed after <see cref="Close"/>.</summary>
    public sealed class Closed : ConnectionClosed
    {
        private Closed()
        {
        }

        /// <summary>The only instance.</summary>
        public static Closed Instance { get; } = new();
    }

    /// <summary>Closed after <see cref="ConfirmedClose"/>.</summary>
    public sealed class ConfirmedClosed : ConnectionClosed
    {
        private ConfirmedClosed()
        {
        }

        /// <summary>The only instance.</summary>
        public static ConfirmedClosed Instance { get; } = new();

        /// <inheritdoc />
        public override bool IsConfirmed => true;
    }

    /// <summary>Reset after <see cref="Abort"/>.</summary>
    public sealed class Aborted : ConnectionClosed
    {
        private Aborted()
        {
        }

        /// <summary>The only instance.</summary>
        public static Aborted Instance { get; } = new();

        /// <inheritdoc />
        public override bool IsAborted => true;
    }

    /// <summary>
    /// The peer sent FIN (or the input ended after <see cref="ShutdownInput"/>). With <c>keepOpenOnPeerClosed</c> the handler may
    /// still write and must close the connection itself.
    /// </summary>
    public sealed class PeerClosed : ConnectionClosed
    {
        private PeerClosed()
        {
        }

        /// <summary>The only instance.</summary>
        public static PeerClosed Instance { get; } = new();

        /// <inheritdoc />
        public override bool IsPeerClosed => true;
    }

    /// <summary>The connection failed; <see cref="ConnectionClosed.Cause"/> names the class of error (reset, aborted, timeout, unexpected) and its message.</summary>
    public sealed class ErrorClosed(string cause) : ConnectionClosed
    {
        /// <inheritdoc />
        public override bool IsErrorClosed => true;

        /// <inheritdoc />
        public override string Cause { get; } = cause;

        /// <inheritdoc />
        public override string ToString() => $"ErrorClosed({Cause})";
    }
}
