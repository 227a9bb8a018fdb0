using ActorEcho.Actors.Dispatch;
using ActorEcho.Actors.Supervision;

namespace ActorEcho.Actors.Internal;

/// <summary>
/// The root of the hierarchy. Orderly termination: stop <c>/user</c>, then <c>/system</c> (so system services outlive user actors),
/// then itself. If <c>/user</c> dies on its own, the system terminates the same way.
/// </summary>
internal sealed class RootGuardian(IActorRef user, IActorRef system) : ActorBase
{
    internal sealed class StopSystem
    {
        public static StopSystem Instance { get; } = new();
    }

    protected override void PreStart()
    {
        Context.Watch(user);
        Context.Watch(system);
    }

    protected override bool Receive(object message)
    {
        switch (message)
        {
            case StopSystem:
                Context.Stop(user);
                return true;
            case Terminated t when t.ActorRef.Equals(user):
                Context.Stop(system);
                return true;
            case Terminated t when t.ActorRef.Equals(system):
                Context.Stop(Self);
                return true;
            default:
                return false;
        }
    }

    protected override SupervisorStrategy SupervisorStrategy() => Supervision.SupervisorStrategy.StoppingStrategy;
}

/// <summary>The parent of <c>/user</c> or <c>/system</c> actors; supervises them with the configured guardian strategy.</summary>
internal sealed class Guardian(SupervisorStrategy strategy) : ActorBase
{
    protected override bool Receive(object message) => false;

    protected override SupervisorStrategy SupervisorStrategy() => strategy;
}

/// <summary>The root guardian's "parent": turns the root's failure into a stop and its death into the system's termination.</summary>
internal sealed class RootParentRef(ActorSystem system, ActorPath path) : MinimalActorRef
{
    public override ActorPath Path { get; } = path;

    protected override void TellCore(object message, IActorRef? sender)
    {
    }

    public override void SendSystemMessage(SystemMessage message)
    {
        switch (message)
        {
            case Failed failed:
                failed.Child.SendSystemMessage(new Terminate());
                break;
            case DeathWatchNotification:
                system.OnRootTerminated();
                break;
            default:
                break;
        }
    }
}
