namespace ActorEcho.Actors.Tests.Infrastructure.Runtime;

/// <summary>Creates a child; replies its ref, or a Status.Failure carrying the exception.</summary>
public sealed record CreateChild(string? Name);

/// <summary>Replies Context.Child(Name).</summary>
public sealed record GetChild(string Name);

/// <summary>Replies the names of Context.Children, sorted.</summary>
public sealed record GetChildren;

/// <summary>Stops the child with Context.Stop and replies the sorted names of Context.Children right after.</summary>
public sealed record StopChild(string Name);

/// <summary>A parent driven by commands, for hierarchy tests. Its children are <see cref="ParentActor"/>s too, so they nest.</summary>
public sealed class ParentActor : ReceiveActor
{
    public ParentActor()
    {
        Receive<CreateChild>(c =>
        {
            try
            {
                Sender.Tell(Context.ActorOf(Props.Create(() => new ParentActor()), c.Name), Self);
            }
            catch (Exception ex)
            {
                Sender.Tell(new Status.Failure(ex), Self);
            }
        });
        Receive<GetChild>(c => Sender.Tell(Context.Child(c.Name), Self));
        Receive<GetChildren>(_ => Sender.Tell(ChildNames(), Self));
        Receive<StopChild>(c =>
        {
            Context.Stop(Context.Child(c.Name));
            Sender.Tell(ChildNames(), Self);
        });
    }

    private string[] ChildNames() => Context.Children.Select(c => c.Path.Name).Order(StringComparer.Ordinal).ToArray();
}

/// <summary>Tries to create a child in PostStop and reports the exception (or "created") to <c>probe</c>.</summary>
public sealed class CreatesChildInPostStopActor : ReceiveActor
{
    private readonly IActorRef _probe;

    public CreatesChildInPostStopActor(IActorRef probe)
    {
        _probe = probe;
        ReceiveAny(_ => { });
    }

    protected override void PostStop()
    {
        try
        {
            Context.ActorOf(Props.Create<BlackHoleActor>(), "late");
            _probe.Tell("created", Self);
        }
        catch (Exception ex)
        {
            _probe.Tell(ex, Self);
        }
    }
}
