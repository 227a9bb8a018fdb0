namespace ActorEcho.Cli;

/// <summary>
/// Stands between the <see cref="Server.EchoServer"/> and the TCP manager (it is the server's <c>tcpManager</c>) so the host learns
/// how the FIRST bind ended: the server re-binds with back-off after a failure by design, which would keep a host that cannot
/// listen waiting forever.
/// </summary>
/// <remarks>
/// Each <see cref="Tcp.Bind"/> goes to the manager with this actor as the commander; the <see cref="Tcp.Bound"/> is relayed to the
/// server with the listener as its sender (so the server watches and later unbinds the listener itself, and connections go straight
/// to the server, the bind handler). The first bind's <see cref="Tcp.CommandFailed"/> completes <c>firstFailure</c> and is not relayed:
/// the host exits, so the server must not log a retry. Later failures (re-binds after a listener died) are relayed unchanged.
/// </remarks>
internal sealed class FirstBindGuard : ActorBase
{
    private readonly IActorRef _tcpManager;
    private readonly TaskCompletionSource<Tcp.CommandFailed> _firstFailure;
    private IActorRef _binder = ActorRefs.Nobody;
    private bool _firstBindDone;

    private FirstBindGuard(IActorRef tcpManager, TaskCompletionSource<Tcp.CommandFailed> firstFailure)
    {
        _tcpManager = tcpManager;
        _firstFailure = firstFailure;
    }

    /// <summary>Props for a guard in front of <paramref name="tcpManager"/>; <paramref name="firstFailure"/> completes if the first bind fails.</summary>
    public static Props CreateProps(IActorRef tcpManager, TaskCompletionSource<Tcp.CommandFailed> firstFailure)
    {
        ArgumentNullException.ThrowIfNull(tcpManager);
        ArgumentNullException.ThrowIfNull(firstFailure);
        return Props.Create(() => new FirstBindGuard(tcpManager, firstFailure));
    }

    /// <inheritdoc />
    protected override bool Receive(object message)
    {
        switch (message)
        {
            case Tcp.Bind bind:
                _binder = Sender;
                _tcpManager.Tell(bind, Self);
                return true;
            case Tcp.Bound bound:
                _firstBindDone = true;
                _binder.Tell(bound, Sender); // Sender is the listener
                return true;
            case Tcp.CommandFailed { Cmd: Tcp.Bind } failed when !_firstBindDone:
                _firstBindDone = true;
                _firstFailure.TrySetResult(failed);
                return true;
            case Tcp.CommandFailed failed:
                _binder.Tell(failed, Sender);
                return true;
            case Tcp.Command command:
                _tcpManager.Forward(command);
                return true;
            default:
                return false;
        }
    }
}
