using ActorEcho.IO.Internal;

namespace ActorEcho.IO;

/// <summary>
/// The TCP protocol, as in Akka.IO: commands (imperative: <see cref="Bind"/>, <see cref="Register"/>, <see cref="Write"/>,
/// <see cref="Close"/>, …) and events (past tense: <see cref="Bound"/>, <see cref="Connected"/>, <see cref="Received"/>,
/// <see cref="Closed"/>, …). Every command can be answered with <see cref="CommandFailed"/>.
/// </summary>
/// <remarks>
/// The conversation: send <see cref="Bind"/> to <see cref="Manager"/>; the sender gets <see cref="Bound"/> (with the real port) from
/// the listener. For each client the bind handler gets <see cref="Connected"/> from a new connection actor and must reply
/// <see cref="Register"/> within <c>actorecho.io.tcp.register-timeout</c>. The registered handler then gets <see cref="Received"/>
/// and sends <see cref="Write"/>; the connection ends with exactly one <see cref="ConnectionClosed"/> event.
/// </remarks>
public static partial class Tcp
{
    /// <summary>The TCP manager of <paramref name="system"/> (created on first use, one per system): send it <see cref="Bind"/>.</summary>
    public static IActorRef Manager(ActorSystem system) => TcpExtension.Get(system).Manager;

    /// <summary>
    /// The dispatcher of connection actors (<c>actorecho.actor.io-dispatcher</c>). Give a connection handler's Props this dispatcher
    /// (<c>Props.WithDispatcher(Tcp.IODispatcherId)</c>) when it never blocks: it then handles <see cref="Received"/> on the socket's
    /// I/O thread and its <see cref="Write"/>s are sent from there, without a thread-pool hop in between.
    /// </summary>
    public const string IODispatcherId = "io-dispatcher";

    /// <summary>Every TCP message.</summary>
    public abstract class Message
    {
        private protected Message()
        {
        }
    }

    /// <summary>A request to the manager, a listener or a connection.</summary>
    public abstract class Command : Message
    {
        private protected Command()
        {
        }

        /// <summary>The reply sent when this command cannot be carried out.</summary>
        public CommandFailed FailureMessage(Exception? cause = null) => new(this, cause);
    }

    /// <summary>A notification from the TCP layer; derive from it to define your own write acks.</summary>
    public abstract class Event : Message
    {
        /// <summary>Lets applications define ack events (<see cref="Write.Ack"/>).</summary>
        protected Event()
        {
        }
    }
}
