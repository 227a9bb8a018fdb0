using ActorEcho.Actors.Dispatch;

namespace ActorEcho.Actors.Internal;

/// <summary>
/// Death watch. Each watch yields exactly one <see cref="Terminated"/> (or the WatchWith message): the notification is
/// recorded when it arrives and the message is queued behind whatever the dead actor sent before dying; an Unwatch
/// in between cancels it.
/// </summary>
internal sealed partial class ActorCell
{
    public IActorRef Watch(IActorRef subject) => WatchInternal(subject, null);

    public IActorRef WatchWith(IActorRef subject, object message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return WatchInternal(subject, message);
    }

    public IActorRef Unwatch(IActorRef subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var extras = _extras;
        if (extras?.Watching is { } watching && watching.Remove(subject) && subject is IInternalActorRef target)
        {
            target.SendSystemMessage(new Unwatch(target, Self));
        }

        extras?.TerminatedQueued?.Remove(subject);
        return subject;
    }

    private IActorRef WatchInternal(IActorRef subject, object? customMessage)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (subject.Equals(Self) || subject is not IInternalActorRef target)
        {
            return subject;
        }

        var watching = Extras.Watching ??= [];
        if (watching.TryAdd(subject, customMessage))
        {
            target.SendSystemMessage(new Watch(target, Self));
        }
        else
        {
            watching[subject] = customMessage;
        }

        return subject;
    }

    private void AddWatcher(IInternalActorRef watchee, IInternalActorRef watcher)
    {
        if (!watchee.Equals(Self) || watcher.Equals(Self))
        {
            return;
        }

        if (IsTerminating && (_state & CellState.Terminated) != 0)
        {
            watcher.SendSystemMessage(new DeathWatchNotification(Self, existenceConfirmed: true));
            return;
        }

        // The parent hears of this actor's death in any case (TellWatchersWeDied), so its watch needs no bookkeeping here:
        // the common "parent watches child" costs the child no allocation.
        if (!watcher.Equals(Parent))
        {
            (Extras.WatchedBy ??= []).Add(watcher);
        }
    }

    private void RemoveWatcher(IInternalActorRef watchee, IInternalActorRef watcher)
    {
        if (watchee.Equals(Self))
        {
            _extras?.WatchedBy?.Remove(watcher);
        }
    }

    private void HandleDeathWatchNotification(IInternalActorRef actor, bool existenceConfirmed)
    {
        if (_extras?.Watching is { } watching && watching.Remove(actor, out var customMessage) && !IsTerminating)
        {
            (Extras.TerminatedQueued ??= []).Add(actor);
            Self.Tell(customMessage is null ? new Terminated(actor, existenceConfirmed) : new TerminatedWith(actor, customMessage), actor);
        }

        HandleChildTerminated(actor);
    }

    /// <summary>True if a queued Terminated (or WatchWith message) for <paramref name="actor"/> is still wanted; consumes the mark.</summary>
    private bool ShouldDeliverTerminated(IActorRef actor) => _extras?.TerminatedQueued?.Remove(actor) == true;

    private void TellWatchersWeDied()
    {
        var parentNotified = false;
        if (_extras?.WatchedBy is { } watchers)
        {
            foreach (var watcher in watchers)
            {
                watcher.SendSystemMessage(new DeathWatchNotification(Self, existenceConfirmed: true));
                parentNotified |= watcher.Equals(Parent);
            }

            watchers.Clear();
        }

        if (!parentNotified)
        {
            Parent.SendSystemMessage(new DeathWatchNotification(Self, existenceConfirmed: true));
        }
    }

    private void UnwatchWatchedActors()
    {
        if (_extras?.Watching is { } watching)
        {
            foreach (var watched in watching.Keys)
            {
                if (watched is IInternalActorRef target)
                {
                    target.SendSystemMessage(new Unwatch(target, Self));
                }
            }

            watching.Clear();
        }
    }
}
