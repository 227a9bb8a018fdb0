namespace ActorEcho.Server;

internal sealed partial class EchoConnection
{
    /// <summary>
    /// The ack this actor asks for on its writes: one shared instance carrying nothing, since acks are cumulative (writes complete
    /// in order) and the actor only counts them.
    /// </summary>
    internal static Tcp.Event Ack => WriteAck.Instance;

    private sealed class WriteAck : Tcp.Event, IDeadLetterSuppression
    {
        private WriteAck()
        {
        }

        public static WriteAck Instance { get; } = new();
    }

    /// <summary>From the server: finish echoing what was received, then close (as after the client's FIN). No reply; the server watches.</summary>
    internal sealed class Drain
    {
        private Drain()
        {
        }

        public static Drain Instance { get; } = new();
    }

    /// <summary>From the server when a drain timed out: reset the connection now.</summary>
    internal sealed class AbortNow
    {
        private AbortNow()
        {
        }

        public static AbortNow Instance { get; } = new();
    }
}
