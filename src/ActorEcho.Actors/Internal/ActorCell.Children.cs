using ActorEcho.Actors.Dispatch;
using ActorEcho.Actors.Supervision;

namespace ActorEcho.Actors.Internal;

internal sealed partial class ActorCell
{
    /// <summary>Shared, never modified: what <see cref="LiveChildEntries"/> returns when there are no children.</summary>
    private static readonly List<ActorCell> s_noChildren = [];

    /// <summary>Children by name, created with the first child (leaf actors never pay for it).</summary>
    private ChildrenContainer? _children;

    /// <summary>Restart statistics kept by this actor's parent; created on the first restart request.</summary>
    private ChildRestartStats? _restartStats;

    /// <summary>Set by the parent when it asked this actor to stop; the name stays reserved until the termination arrives.</summary>
    internal bool StoppingByParent { get; set; }

    /// <summary>
    /// Set by the parent while it watches this actor with a plain <see cref="Terminated"/> (no WatchWith message): such a watch needs no
    /// entry in the parent's tables, since this actor tells its parent of its death anyway. Touched on the parent's turn only.
    /// </summary>
    internal bool WatchedByParent { get; set; }

    public IEnumerable<IActorRef> Children => LiveChildEntries().ConvertAll(static c => (IActorRef)c.Self);

    public IActorRef Child(string name)
    {
        var children = _children;
        if (children is null)
        {
            return ActorRefs.Nobody;
        }

        lock (children)
        {
            return children.Map.TryGetValue(name, out var child) && !child.StoppingByParent ? child.Self : ActorRefs.Nobody;
        }
    }

    public IActorRef ActorOf(Props props, string? name = null) => ActorOfInternal(props, name, systemService: false);

    internal LocalActorRef ActorOfInternal(Props props, string? name, bool systemService)
    {
        ArgumentNullException.ThrowIfNull(props);
        var children = _children ?? CreateChildren();
        if (name is null)
        {
            name = ActorNames.Generate(Interlocked.Increment(ref children.NameCounter));
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
        ActorCell child;
        lock (children)
        {
            if (children.Map.ContainsKey(name))
            {
                throw new InvalidActorNameException($"Actor name '{name}' is not unique: {Self.Path} already has a child with that name.");
            }

            child = new ActorCell(System, Self, props, Self.Path.Child(name, System.NextUid()), mailboxSettings);
            children.Map.Add(name, child);
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
        var cell = FindChild(child);
        if (cell is not null)
        {
            cell.StoppingByParent = true;
        }

        child.SendSystemMessage(new Terminate());
    }

    internal bool RequestRestartPermission(int maxNrOfRetries, TimeSpan? window) =>
        (_restartStats ??= new ChildRestartStats()).RequestRestartPermission(maxNrOfRetries, window);

#pragma warning disable CA1822 // instance methods: they are the supervisor's operations on its children
    internal void ResumeChild(ActorCell child, Exception cause) => child.Self.SendSystemMessage(new Resume(cause));

    internal void RestartChild(ActorCell child, Exception cause, bool suspendFirst)
    {
        if (suspendFirst)
        {
            child.Self.SendSystemMessage(new Suspend());
        }

        child.Self.SendSystemMessage(new Recreate(cause));
    }
#pragma warning restore CA1822

    internal List<ActorCell> LiveChildEntries()
    {
        var children = _children;
        if (children is null)
        {
            return s_noChildren;
        }

        lock (children)
        {
            if (children.Map.Count == 0)
            {
                return s_noChildren;
            }

            var live = new List<ActorCell>(children.Map.Count);
            foreach (var child in children.Map.Values)
            {
                if (!child.StoppingByParent)
                {
                    live.Add(child);
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
                return children.Map.Count > 0;
            }
        }
    }

    private ActorCell? FindChild(IActorRef child)
    {
        var children = _children;
        if (children is null || child.Path.Parent is null)
        {
            return null;
        }

        lock (children)
        {
            return children.Map.TryGetValue(child.Path.Name, out var cell) && cell.Self.Equals(child) ? cell : null;
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
            if (children.Map.TryGetValue(child.Path.Name, out var cell) && cell.Self.Equals(child))
            {
                children.Map.Remove(child.Path.Name);
                return true;
            }

            return false;
        }
    }

    private bool HasStoppingChildren()
    {
        var children = _children;
        if (children is null)
        {
            return false;
        }

        lock (children)
        {
            foreach (var child in children.Map.Values)
            {
                if (child.StoppingByParent)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private void SuspendChildren(IActorRef? except = null)
    {
        foreach (var child in LiveChildEntries())
        {
            if (!child.Self.Equals(except))
            {
                child.Self.SendSystemMessage(new Suspend());
            }
        }
    }

    /// <summary>Resumes the children; the one whose failure was escalated gets the cause, so it clears its own failed state.</summary>
    private void ResumeChildren(Exception? causedByFailure, IActorRef? perpetrator)
    {
        foreach (var child in LiveChildEntries())
        {
            child.Self.SendSystemMessage(new Resume(child.Self.Equals(perpetrator) ? causedByFailure : null));
        }
    }

    private ChildrenContainer CreateChildren()
    {
        Interlocked.CompareExchange(ref _children, new ChildrenContainer(), null);
        return _children!;
    }

    /// <summary>A child failed: ask this actor's strategy what to do (on this actor's turn).</summary>
    private void HandleFailed(Failed failed)
    {
        var child = FindChild(failed.Child);
        if (child is null || child.Self.Path.Uid != failed.Uid || child.StoppingByParent)
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

        if (directive == Directive.Escalate)
        {
            System.Metrics.OnSupervisorDecision(directive);
            strategy.LogFailure(this, failed.Child, failed.Cause, directive, directive);
            HandleInvokeFailure(failed.Cause, failed.Child);
            return;
        }

        // Counted and logged as applied: a restart refused by the retry limit is a stop.
        var applied = strategy.Apply(this, child, failed.Cause, directive);
        System.Metrics.OnSupervisorDecision(applied);
        strategy.LogFailure(this, failed.Child, failed.Cause, directive, applied);
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

    /// <summary>Children by name plus the counter for generated names; locked as a whole.</summary>
    private sealed class ChildrenContainer
    {
        public readonly Dictionary<string, ActorCell> Map = new(StringComparer.Ordinal);

        public long NameCounter;
    }
}
