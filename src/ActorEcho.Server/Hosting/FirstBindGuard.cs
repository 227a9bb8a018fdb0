namespace ActorEcho.Server.Hosting;

/// <summary>
/// Sits between a hosted <see cref="EchoServer"/> and the TCP manager (it is the server's <c>tcpManager</c>) so the host learns how the
/// FIRST bind ended: the server re-binds with back-off after a failure by design, which would keep a host that cannot listen waiting.
/// </summary>
/// <remarks>
/// Each <see cref="Tcp.Bind"/> goes to the manager with this actor as the commander. <see cref="Tcp.Bound"/> is relayed to the server with
/// the listener as its sender (the server watches and later unbinds the listener itself; connections go straight to the server). The
/// first bind's <see cref="Tcp.CommandFailed"/> completes <c>firstFailure</c> and is not relayed: start-up fails, so the server must not
/// log a retry. Later failures (re-binds after a listener died) are relayed unchanged. The guard stops with its server.
/// </remarks>
internal sealed class FirstBindGuard : ActorBase
{
    private readonly IActorRef _tcpManager;
    private readonly TaskCompletionSource<Tcp.CommandFailed> _firstFailure;
    private IActorRef _server = ActorRefs.Nobody;
    private bool _firstBindDone;

    private FirstBindGuard(IActorRef tcpManager, TaskCompletionSource<Tcp.CommandFailed> firstFailure)
    {
        _tcpManager = tcpManager;
        _firstFailure = firstFailure;
    }

    public static Props CreateProps(IActorRef tcpManager, TaskCompletionSource<Tcp.CommandFailed> firstFailure) =>
        Props.Create(() => new FirstBindGuard(tcpManager, firstFailure));

    protected override bool Receive(object message)
    {
        switch (message)
        {
            case Tcp.Bind bind:
                if (_server.Equals(ActorRefs.Nobody))
                {
                    _server = Sender;
                    Context.Watch(_server);
                }

                _tcpManager.Tell(bind, Self);
                return true;
            case Tcp.Bound bound:
                _firstBindDone = true;
                _server.Tell(bound, Sender);
                return true;
            case Tcp.CommandFailed { Cmd: Tcp.Bind } failed when !_firstBindDone:
                _firstBindDone = true;
                _firstFailure.TrySetResult(failed);
                return true;
            case Tcp.CommandFailed failed:
                _server.Tell(failed, Sender);
                return true;
            case Tcp.Command command:
                _tcpManager.Forward(command);
                return true;
            case Terminated:
                Context.Stop(Self);
                return true;
            default:
                return false;
        }
    }
}
