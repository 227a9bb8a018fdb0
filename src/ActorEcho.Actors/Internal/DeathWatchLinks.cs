namespace ActorEcho.Actors.Internal;

/// <summary>
/// One actor's death-watch links: the actors it watches (each with its WatchWith message, or null for <see cref="Terminated"/>) and
/// the actors watching it. The first link of each kind sits in a field and only further ones go into a hash table: most actors have
/// at most one of each (a TCP connection and its handler watch each other), and two hash tables cost an idle actor about 450 bytes.
/// </summary>
/// <remarks>Used on the owning actor's turn only, like the rest of its cell. Equality is the references' own, as a default-comparer
/// dictionary would use.</remarks>
internal sealed class DeathWatchLinks
{
    private IActorRef? _watchee;
    private object? _watcheeMessage;
    private Dictionary<IActorRef, object?>? _moreWatchees;
    private IInternalActorRef? _watcher;
    private HashSet<IInternalActorRef>? _moreWatchers;

    /// <summary>Records that the owner watches <paramref name="subject"/>; true if it was not watched yet (else only the message changes).</summary>
    public bool AddWatchee(IActorRef subject, object? customMessage)
    {
        if (_watchee is not null && _watchee.Equals(subject))
        {
            _watcheeMessage = customMessage;
            return false;
        }

        if (_moreWatchees is { } more && more.ContainsKey(subject))
        {
            more[subject] = customMessage;
            return false;
        }

        if (_watchee is null)
        {
            _watchee = subject;
            _watcheeMessage = customMessage;
        }
        else
        {
            (_moreWatchees ??= [])[subject] = customMessage;
        }

        return true;
    }

    /// <summary>True if the owner watches <paramref name="subject"/>.</summary>
    public bool IsWatching(IActorRef subject) =>
        (_watchee is not null && _watchee.Equals(subject)) || _moreWatchees?.ContainsKey(subject) == true;

    /// <summary>Forgets the watch of <paramref name="subject"/>; false if there was none.</summary>
    public bool RemoveWatchee(IActorRef subject, out object? customMessage)
    {
        if (_watchee is not null && _watchee.Equals(subject))
        {
            customMessage = _watcheeMessage;
            _watchee = null;
            _watcheeMessage = null;
            return true;
        }

        customMessage = null;
        return _moreWatchees is { } more && more.Remove(subject, out customMessage);
    }

    /// <summary>Removes every watch and hands over the watched actors: the first, and the table of the others (null if none).</summary>
    public void TakeWatchees(out IActorRef? first, out Dictionary<IActorRef, object?>.KeyCollection? others)
    {
        first = _watchee;
        others = _moreWatchees?.Keys;
        _watchee = null;
        _watcheeMessage = null;
        _moreWatchees = null;
    }

    /// <summary>Records that <paramref name="watcher"/> watches the owner (at most once).</summary>
    public void AddWatcher(IInternalActorRef watcher)
    {
        if ((_watcher is not null && _watcher.Equals(watcher)) || _moreWatchers?.Contains(watcher) == true)
        {
            return;
        }

        if (_watcher is null)
        {
            _watcher = watcher;
        }
        else
        {
            (_moreWatchers ??= []).Add(watcher);
        }
    }

    public void RemoveWatcher(IInternalActorRef watcher)
    {
        if (_watcher is not null && _watcher.Equals(watcher))
        {
            _watcher = null;
            return;
        }

        _moreWatchers?.Remove(watcher);
    }

    /// <summary>Removes every watcher and hands them over: the first, and the set of the others (null if none).</summary>
    public void TakeWatchers(out IInternalActorRef? first, out HashSet<IInternalActorRef>? others)
    {
        first = _watcher;
        others = _moreWatchers;
        _watcher = null;
        _moreWatchers = null;
    }
}
