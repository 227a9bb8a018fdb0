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
        if (subject is IInternalActorRef child && IsUnreportedChild(child, out var childCell))
        {
            childCell.WatchedByParent = false;
            _watch?.RemoveWatchee(subject, out _);
        }
        else if (_watch is { } links && links.RemoveWatchee(subject, out _) && subject is IInternalActorRef target)
        {
            target.SendSystemMessage(new Unwatch(target, Self));
        }

        _extras?.TerminatedQueued?.Remove(subject);
        return subject;
    }

    private IActorRef WatchInternal(IActorRef subject, object? customMessage)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (subject.Equals(Self) || subject is not IInternalActorRef target)
        {
            return subject;
        }

        if (IsUnreportedChild(target, out var child))
        {
            // A child tells its parent of its death anyway: no message to it, and a plain watch not even a table entry here.
            if (customMessage is null && _watch?.IsWatching(subject) != true)
            {
                child.WatchedByParent = true;
            }
            else
            {
                child.WatchedByParent = false; // a WatchWith replaces a plain watch (and the other way round, through the table)
                (_watch ??= new DeathWatchLinks()).AddWatchee(subject, customMessage);
            }

            return subject;
        }

        if ((_watch ??= new DeathWatchLinks()).AddWatchee(subject, customMessage))
        {
            target.SendSystemMessage(new Watch(target, Self));
        }

        return subject;
    }

    /// <summary>
    /// True for a child whose death this actor has not processed yet: it will hear of it in any case (a child always tells its parent,
    /// see <see cref="TellWatchersWeDied"/>), so watching it needs no message to it, and a plain watch is a flag on the child
    /// (<see cref="WatchedByParent"/>). A parent watching each of thousands of children (a listener its connections) then costs no
    /// system message and no table entry per child.
    /// </summary>
    private bool IsUnreportedChild(IInternalActorRef target, out ActorCell cell)
    {
        cell = null!;
        if (target is not LocalActorRef { Cell: var candidate } || !ReferenceEquals(candidate.Parent, Self) || _children is not { } children)
        {
            return false;
        }

        cell = candidate;
        lock (children)
        {
            return children.Map.TryGetValue(candidate.Self.Path.Name, out var child) && ReferenceEquals(child, candidate);
        }
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
            (_watch ??= new DeathWatchLinks()).AddWatcher(watcher);
        }
    }

    private void RemoveWatcher(IInternalActorRef watchee, IInternalActorRef watcher)
    {
        if (watchee.Equals(Self))
        {
            _watch?.RemoveWatcher(watcher);
        }
    }

    private void HandleDeathWatchNotification(IInternalActorRef actor, bool existenceConfirmed)
    {
        object? customMessage = null;
        var watched = _watch is { } links && links.RemoveWatchee(actor, out customMessage);
        if (!watched && actor is LocalActorRef { Cell: { WatchedByParent: true } child } && ReferenceEquals(child.Parent, Self))
        {
            child.WatchedByParent = false;
            watched = true;
        }

        if (watched && !IsTerminating)
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
        if (_watch is { } links)
        {
            links.TakeWatchers(out var first, out var others);
            if (first is not null)
            {
                parentNotified = Notify(first);
            }

            if (others is not null)
            {
                foreach (var watcher in others)
                {
                    parentNotified |= Notify(watcher);
                }
            }
        }

        if (!parentNotified)
        {
            Parent.SendSystemMessage(new DeathWatchNotification(Self, existenceConfirmed: true));
        }
    }

    private void UnwatchWatchedActors()
    {
        if (_watch is not { } links)
        {
            return;
        }

        links.TakeWatchees(out var first, out var others);
        if (first is not null)
        {
            SendUnwatch(first);
        }

        if (others is not null)
        {
            foreach (var watched in others)
            {
                SendUnwatch(watched);
            }
        }
    }

    /// <summary>Tells <paramref name="watcher"/> this actor died; true if it is the parent (which then needs no second notice).</summary>
    private bool Notify(IInternalActorRef watcher)
    {
        watcher.SendSystemMessage(new DeathWatchNotification(Self, existenceConfirmed: true));
        return watcher.Equals(Parent);
    }

    private void SendUnwatch(IActorRef watched)
    {
        if (watched is IInternalActorRef target)
        {
            target.SendSystemMessage(new Unwatch(target, Self));
        }
    }
}
