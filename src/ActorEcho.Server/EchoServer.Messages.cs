namespace ActorEcho.Server;

public sealed partial class EchoServer
{
    /// <summary>
    /// Asks for the listening address: answered with the <see cref="Tcp.Bound"/> of the current listener, at once when bound, else as
    /// soon as a (re-)bind succeeds. After <see cref="Unbind"/> it is answered with a <see cref="Status.Failure"/>, so an ask fails fast.
    /// </summary>
    public sealed class GetBoundAddress
    {
        private GetBoundAddress()
        {
        }

        /// <summary>The only instance.</summary>
        public static GetBoundAddress Instance { get; } = new();
    }

    /// <summary>
    /// Stops listening (the first step of a shutdown): the listener is unbound and the sender gets <see cref="Unbound"/>. Open
    /// connections keep being served; follow with <see cref="Drain"/> to close them. The server does not bind again.
    /// </summary>
    public sealed class Unbind
    {
        private Unbind()
        {
        }

        /// <summary>The only instance.</summary>
        public static Unbind Instance { get; } = new();
    }

    /// <summary>The reply to <see cref="Unbind"/>: the port is released and no new connection will be accepted.</summary>
    public sealed class Unbound
    {
        private Unbound()
        {
        }

        /// <summary>The only instance.</summary>
        public static Unbound Instance { get; } = new();
    }

    /// <summary>
    /// Asks every connection to finish echoing what it received and then close; the sender gets <see cref="Drained"/> once all are
    /// closed, or after <see cref="Timeout"/>, when the rest are reset (Abort). A shutdown step: connections accepted afterwards are
    /// drained at once, so send <see cref="Unbind"/> first.
    /// </summary>
    public sealed class Drain
    {
        /// <summary>Creates the request; a null <paramref name="timeout"/> uses <see cref="EchoServerSettings.DrainTimeout"/>.</summary>
        public Drain(TimeSpan? timeout = null)
        {
            if (timeout is { } t)
            {
                ArgumentOutOfRangeException.ThrowIfLessThan(t, TimeSpan.Zero, nameof(timeout));
            }

            Timeout = timeout;
        }

        /// <summary>How long connections get to finish; null for the configured <c>drain-timeout</c>.</summary>
        public TimeSpan? Timeout { get; }
    }

    /// <summary>The reply to <see cref="Drain"/>: every connection is closed; <paramref name="AbortedConnections"/> of them had to be reset at the timeout.</summary>
    /// <param name="AbortedConnections">Connections still open at the timeout and therefore reset; 0 when all finished in time.</param>
    public sealed record Drained(int AbortedConnections);

    /// <summary>Timer message: try binding again after a back-off.</summary>
    private sealed class Rebind
    {
        private Rebind()
        {
        }

        public static Rebind Instance { get; } = new();
    }

    /// <summary>Timer message: the drain timeout passed.</summary>
    private sealed class DrainTimedOut
    {
        private DrainTimedOut()
        {
        }

        public static DrainTimedOut Instance { get; } = new();
    }
}
