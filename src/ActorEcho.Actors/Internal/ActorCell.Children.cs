using ActorEcho.Actors.Dispatch;
using ActorEcho.Actors.Supervision;

namespace ActorEcho.Actors.Internal;

internal sealed partial class ActorCell
{
    /// <summary>
    /// Children by name. Guarded by locking the dictionary itself: a guardian's children are created from any thread
    /// (<c>system.ActorOf</c>), every other access happens on this actor's turn.
    /// </summary>
    private Dictionary<string, ChildEntry>? _children;

    private long _nameCounter;

    public IEnumerable<IActorRef> Children => LiveChildEntries().ConvertAll(static e => (IActorRef)e.Ref);

    public IActorRef Child(string name)
    {
        var children = _children;
        if (children is null)
        {
            return ActorRefs.Nobody;
        }

        lock (children)
        {
            return children.TryGetValue(name, out var entry) && !entry.Stopping ? entry.Ref : ActorRefs.Nobody;
        }
    }

    public IActorRef ActorOf(Props props, string? name = null) => ActorOfInternal(props, name, systemService: false);

    internal LocalActorRef ActorOfInternal(Props props, string? name, bool systemService)
    {
        ArgumentNullException.ThrowIfNull(props);
        if (name is null)
        {
            name = ActorNames.Generate(Interlocked.Increment(ref _nameCounter));
        }
        else
        {
            ActorNames.Validate(name, allowSystemPrefix: systemService);
        }

        if (System.IsTerminated || IsTerminating)
        {
            throw new IllegalActorStateException(
                $"Cannot create actor '{name}' under {Self.Path}: {(System.IsTerminated ? $"actor system '{System.Name}' is terminated" : "the parent is stopping")}.");
        }

        var mailboxSettings = System.ResolveMailboxSettings(props);
        var children = _children ?? CreateChildren();
        ActorCell child;
        lock (children)
        {
            if (children.ContainsKey(name))
            {
                throw new InvalidActorNameException($"Actor name '{name}' is not unique: {Self.Path} already has a child with that name.");
            }

            child = new ActorCell(System, Self, props, Self.Path.Child(name, System.NextUid()), mailboxSettings);
            children.Add(name, new ChildEntry(child.Self));
        }

        child.Self.SendSystemMessage(new Create());
        return child.Self;
    }

    public void Stop(IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor is IInternalActorRef target)
        {
            if (ReferenceEquals(target, Self))
            {
                Self.SendSystemMessage(new Terminate());
            }
            else
            {
                StopChild(target);
            }
        }
    }

    internal void StopChild(IInternalActorRef child)
    {
        var entry = FindChild(child);
        if (entry is not null)
        {
            entry.Stopping = true;
        }

        child.SendSystemMessage(new Terminate());
    }

    internal void ResumeChild(ChildEntry child, Exception cause) => child.Ref.SendSystemMessage(new Resume(cause));

    internal void RestartChild(ChildEntry child, Exception cause, bool suspendFirst)
    {
        if (suspendFirst)
        {
            child.Ref.SendSystemMessage(new Suspend());
        }

        child.Ref.SendSystemMessage(new Recreate(cause));
    }

    internal List<ChildEntry> LiveChildEntries()
    {
        var children = _children;
        if (children is null)
        {
            return [];
        }

        lock (children)
        {
            var live = new List<ChildEntry>(children.Count);
            foreach (var entry in children.Values)
            {
                if (!entry.Stopping)
                {
                    live.Add(entry);
                }
            }

            return live;
        }
    }

    private bool HasChildren
    {
        get
        {
            var children = _children;
            if (children is null)
            {
                return false;
            }

            lock (children)
            {
                return children.Count > 0;
            }
        }
    }

    private ChildEntry? FindChild(IActorRef child)
    {
        var children = _children;
        if (children is null || child.Path.Parent is null)
        {
            return null;
        }

        lock (children)
        {
            return children.TryGetValue(child.Path.Name, out var entry) && entry.Ref.Equals(child) ? entry : null;
        }
    }

    /// <summary>Removes a child whose termination arrived; true if it was ours.</summary>
    private bool RemoveChild(IActorRef child)
    {
        var children = _children;
        if (children is null)
        {
            return false;
        }

        lock (children)
        {
            if (children.TryGetValue(child.Path.Name, out var entry) && entry.Ref.Equals(child))
            {
                children.Remove(child.Path.Name);
                return true;
            }

            return false;
        }
    }

    private void SuspendChildren()
    {
        foreach (var child in LiveChildEntries())
        {
            child.Ref.SendSystemMessage(new Suspend());
        }
    }

    private void ResumeChildren(Exception? causedByFailure)
    {
        foreach (var child in LiveChildEntries())
        {
            child.Ref.SendSystemMessage(new Resume(causedByFailure));
        }
    }

    private Dictionary<string, ChildEntry> CreateChildren()
    {
        Interlocked.CompareExchange(ref _children, new Dictionary<string, ChildEntry>(StringComparer.Ordinal), null);
        return _children!;
    }

    /// <summary>A child failed: ask this actor's strategy what to do (on this actor's turn).</summary>
    private void HandleFailed(Failed failed)
    {
        var entry = FindChild(failed.Child);
        if (entry is null || entry.Ref.Path.Uid != failed.Uid || entry.Stopping)
        {
            return; // a stale report from an incarnation that is gone or already stopping
        }

        var strategy = CurrentStrategy();
        Directive directive;
        try
        {
            directive = strategy.Decide(failed.Cause);
        }
        catch (Exception ex) when (IsNonFatal(ex))
        {
            directive = Directive.Escalate;
            failed = new Failed(failed.Child, ex, failed.Uid);
        }

        System.Metrics.OnSupervisorDecision(directive);
        if (directive == Directive.Escalate)
        {
            HandleInvokeFailure(failed.Cause);
            return;
        }

        strategy.LogFailure(this, failed.Child, failed.Cause, directive);
        strategy.Apply(this, entry, failed.Cause, directive);
    }

    private SupervisorStrategy CurrentStrategy()
    {
        if (_extras?.Strategy is { } cached)
        {
            return cached;
        }

        var strategy = _actor?.SupervisorStrategyInternal() ?? Props.SupervisorStrategy ?? SupervisorStrategy.DefaultStrategy;
        Extras.Strategy = strategy;
        return strategy;
    }
}
