namespace ActorEcho.Actors.Tests.Infrastructure.Runtime;

/// <summary>
/// Stashes every int while closed and tells <c>probe</c> each int it processes while open. Commands (strings): "open"
/// (UnstashAll, become open, tell "opened"), "unstash-one" (Unstash, open for one int), "unstash-even" (UnstashAll(even), open),
/// "count" (reply Stash.Count), "clear" (reply ClearStash()), "stash-twice", "crash". After a restart it starts open.
/// </summary>
public sealed class StashingActor : ReceiveActor, IWithUnboundedStash
{
    private readonly IActorRef _probe;

    public StashingActor(IActorRef probe)
    {
        _probe = probe;
        Closed();
    }

    public IStash Stash { get; set; } = null!;

    protected override void PostRestart(Exception reason)
    {
        Become(Open);
        _probe.Tell("restarted", Self);
    }

    private void Common()
    {
        Receive<Block>(b => b.Gate.BlockHere());
        Receive<string>(s => s == "count", _ => Sender.Tell(Stash.Count, Self));
        Receive<string>(s => s == "clear", _ => Sender.Tell(Stash.ClearStash(), Self));
        Receive<string>(s => s == "crash", _ => throw new InvalidOperationException("crash"));
    }

    private void Closed()
    {
        Common();
        Receive<string>(s => s == "open", _ =>
        {
            Stash.UnstashAll();
            Become(Open);
            _probe.Tell("opened", Self);
        });
        Receive<string>(s => s == "unstash-one", _ =>
        {
            Stash.Unstash();
            BecomeStacked(OpenForOne);
        });
        Receive<string>(s => s == "unstash-even", _ =>
        {
            Stash.UnstashAll(m => m is int i && i % 2 == 0);
            Become(Open);
        });
        Receive<string>(s => s == "stash-twice", _ =>
        {
            Stash.Stash();
            Stash.Stash();
        });
        Receive<int>(_ => Stash.Stash());
    }

    private void Open()
    {
        Common();
        Receive<int>(i => _probe.Tell(i, Self));
    }

    private void OpenForOne()
    {
        Common();
        Receive<int>(i =>
        {
            _probe.Tell(i, Self);
            Context.UnbecomeStacked();
        });
    }
}
