namespace ActorEcho.Actors.Tests.Infrastructure.Runtime;

/// <summary>Replies every message to its sender.</summary>
public sealed class EchoActor : ReceiveActor
{
    public EchoActor()
    {
        Receive<Block>(b => b.Gate.BlockHere());
        ReceiveAny(m => Sender.Tell(m, Self));
    }
}

/// <summary>Swallows every message.</summary>
public sealed class BlackHoleActor : ReceiveActor
{
    public BlackHoleActor() => ReceiveAny(_ => { });
}

/// <summary>
/// Tells <c>target</c> every message it processes (with itself as sender), so the test sees exactly what was processed and in
/// which order. <see cref="Block"/> blocks it; "stop-self" makes it stop itself (after telling "stopping").
/// </summary>
public sealed class RecorderActor : ReceiveActor
{
    public RecorderActor(IActorRef target)
    {
        Receive<Block>(b => b.Gate.BlockHere());
        Receive<string>(s => s == "stop-self", _ =>
        {
            target.Tell("stopping", Self);
            Context.Stop(Self);
        });
        ReceiveAny(m => target.Tell(m, Self));
    }
}

/// <summary>Tells <c>target</c> the sender of every message it gets.</summary>
public sealed class SenderReporterActor : ReceiveActor
{
    public SenderReporterActor(IActorRef target)
    {
        Receive<SendVia>(s => s.Receiver.Tell(s.Message));
        ReceiveAny(_ => target.Tell(Sender, Self));
    }
}

/// <summary>Asks a <see cref="SenderReporterActor"/> to send <see cref="Message"/> to <see cref="Receiver"/> with one-argument Tell.</summary>
public sealed record SendVia(IActorRef Receiver, object Message);

/// <summary>
/// A parent that creates one child from <c>childProps</c>, forwards every message to it and reports each failure of the child
/// (the exception) to <c>reportTo</c> before applying <c>directive</c>.
/// </summary>
public sealed class ReportingParentActor : ReceiveActor
{
    private readonly IActorRef _reportTo;
    private readonly Supervision.Directive _directive;

    public ReportingParentActor(IActorRef reportTo, Props childProps, Supervision.Directive directive)
    {
        _reportTo = reportTo;
        _directive = directive;
        var child = Context.ActorOf(childProps, "child");
        ReceiveAny(m => child.Forward(m));
    }

    protected override Supervision.SupervisorStrategy SupervisorStrategy() =>
        new Supervision.OneForOneStrategy(ex =>
        {
            _reportTo.Tell(ex, Self);
            return _directive;
        });
}
