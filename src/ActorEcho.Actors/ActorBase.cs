using ActorEcho.Actors.Event;
using ActorEcho.Actors.Internal;
using ActorEcho.Actors.Supervision;

namespace ActorEcho.Actors;

/// <summary>
/// The base of every actor: state that only its own turn touches, a <see cref="Receive(object)"/> behaviour, and lifecycle hooks
/// called in Akka.NET's order (constructor → PreStart; on failure PreRestart → new instance → PostRestart; PostStop last).
/// </summary>
/// <remarks>Create actors only through <see cref="Props"/> and <c>ActorOf</c>; calling a constructor directly throws.</remarks>
public abstract class ActorBase
{
    private readonly ActorCell _cell;

    /// <summary>Binds the new instance to the cell that is creating it.</summary>
    protected ActorBase()
    {
        _cell = ActorCell.TakeCreating() ?? throw new IllegalActorStateException(
            $"Actor {GetType().Name} was created with 'new'. Create actors with Props and ActorOf, e.g. system.ActorOf(Props.Create(() => new {GetType().Name}()), \"name\").");
    }

    /// <summary>This actor's context.</summary>
    protected IActorContext Context => _cell;

    /// <summary>This actor's reference.</summary>
    protected IActorRef Self => _cell.Self;

    /// <summary>The sender of the current message (dead letters when none).</summary>
    protected IActorRef Sender => _cell.Sender;

    internal ActorCell? CellOrNull => _cell;

    internal bool InvokeReceive(object message) => Receive(message);

    /// <summary>Handles <paramref name="message"/>; returns false when it does not, which makes it <see cref="Unhandled"/>.</summary>
    protected abstract bool Receive(object message);

    /// <summary>Runs after the actor is created (and, by default, after a restart), before its first message.</summary>
    protected virtual void PreStart()
    {
    }

    /// <summary>Runs once the actor and all its children have stopped; its mailbox is closed right after.</summary>
    protected virtual void PostStop()
    {
    }

    /// <summary>Runs on the failed instance before a restart; by default stops all children and calls <see cref="PostStop"/>.</summary>
    protected virtual void PreRestart(Exception reason, object? message)
    {
        foreach (var child in Context.Children)
        {
            Context.Unwatch(child);
            Context.Stop(child);
        }

        PostStop();
    }

    /// <summary>Runs on the new instance after a restart; by default calls <see cref="PreStart"/>.</summary>
    protected virtual void PostRestart(Exception reason) => PreStart();

    /// <summary>The strategy that supervises this actor's children; defaults to the props' strategy or <see cref="SupervisorStrategy.DefaultStrategy"/>.</summary>
    protected virtual SupervisorStrategy SupervisorStrategy() => _cell.Props.SupervisorStrategy ?? Supervision.SupervisorStrategy.DefaultStrategy;

    /// <summary>
    /// Called for messages the behaviour did not handle: an unhandled <see cref="Terminated"/> fails the actor with
    /// <see cref="DeathPactException"/>; anything else is published as <see cref="UnhandledMessage"/>.
    /// </summary>
    protected virtual void Unhandled(object message)
    {
        if (message is Terminated terminated)
        {
            throw new DeathPactException(terminated.ActorRef);
        }

        _cell.System.EventStream.Publish(new UnhandledMessage(message, _cell.CurrentSender, _cell.Self));
    }

    /// <summary>Hook for subclasses that need to finish setting up once the constructor chain has run.</summary>
    private protected virtual void OnConstructed()
    {
    }

    internal void FinishConstruction() => OnConstructed();

    internal void AroundPreStart() => PreStart();

    internal void AroundPostStop() => PostStop();

    internal void AroundPreRestart(Exception reason, object? message)
    {
        if (this is IWithStash { Stash: { } stash })
        {
            stash.UnstashAll();
        }

        PreRestart(reason, message);
    }

    internal void AroundPostRestart(Exception reason) => PostRestart(reason);

    internal void AroundUnhandled(object message) => Unhandled(message);

    internal SupervisorStrategy SupervisorStrategyInternal() => SupervisorStrategy();
}
