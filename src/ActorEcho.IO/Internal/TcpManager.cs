using ActorEcho.Actors.Supervision;

namespace ActorEcho.IO.Internal;

/// <summary>
/// INTERNAL API. The system actor behind <see cref="Tcp.Manager"/>: for each <see cref="Tcp.Bind"/> it creates a listener child,
/// which answers the binder. Other commands sent here are answered with <see cref="Tcp.CommandFailed"/> and a hint, never an
/// exception (a misrouted command must not kill the manager).
/// </summary>
internal sealed class TcpManager(TcpExtension tcp) : ActorBase
{
    private long _listeners;

    protected override bool Receive(object message)
    {
        switch (message)
        {
            case Tcp.Bind bind:
                Context.ActorOf(TcpListener.CreateProps(tcp, bind, Sender), "listener-" + (++_listeners).ToString(System.Globalization.CultureInfo.InvariantCulture));
                return true;
            case Tcp.Command command:
                Sender.Tell(command.FailureMessage(new ArgumentException(
                    $"The TCP manager only takes Bind. Send {command.GetType().Name} to the listener (the sender of Bound) or to the connection (the sender of Connected).")), Self);
                return true;
            default:
                return false;
        }
    }

    protected override SupervisorStrategy SupervisorStrategy() => Actors.Supervision.SupervisorStrategy.StoppingStrategy;
}
