using ActorEcho.Actors.Supervision;

namespace ActorEcho.Actors;

/// <summary>
/// An immutable recipe for creating an actor: how to build its instance, which dispatcher and mailbox it runs on, and which
/// strategy supervises its children. Reused for every restart, so the factory must return a new instance each call.
/// </summary>
public sealed class Props
{
    private readonly Func<ActorBase> _factory;
    private readonly Action<ActorBase>? _release;

    private Props(Func<ActorBase> factory, Type? actorType, string dispatcher, string mailbox, SupervisorStrategy? supervisorStrategy, Action<ActorBase>? release = null)
    {
        _factory = factory;
        _release = release;
        ActorType = actorType;
        Dispatcher = dispatcher;
        Mailbox = mailbox;
        SupervisorStrategy = supervisorStrategy;
    }

    /// <summary>The id of the default dispatcher (<c>actorecho.actor.default-dispatcher</c>).</summary>
    public const string DefaultDispatcherId = "default-dispatcher";

    /// <summary>The id of the default mailbox (<c>actorecho.actor.default-mailbox</c>).</summary>
    public const string DefaultMailboxId = "default-mailbox";

    /// <summary>The actor's type, when known.</summary>
    public Type? ActorType { get; }

    /// <summary>Dispatcher id: a key under <c>actorecho.actor</c> (such as <c>default-dispatcher</c>) or a full config path.</summary>
    public string Dispatcher { get; }

    /// <summary>Mailbox id: a key under <c>actorecho.actor</c> (such as <c>default-mailbox</c>, <c>bounded-mailbox</c>) or a full config path.</summary>
    public string Mailbox { get; }

    /// <summary>The strategy for the actor's children unless the actor overrides <c>SupervisorStrategy()</c>.</summary>
    public SupervisorStrategy? SupervisorStrategy { get; }

    /// <summary>Props for <typeparamref name="TActor"/> built with its parameterless constructor.</summary>
    public static Props Create<TActor>()
        where TActor : ActorBase, new() => new(static () => new TActor(), typeof(TActor), DefaultDispatcherId, DefaultMailboxId, null);

    /// <summary>Props built with <paramref name="factory"/>, e.g. <c>Props.Create(() => new Worker(id))</c>; called again on every restart.</summary>
    public static Props Create<TActor>(Func<TActor> factory)
        where TActor : ActorBase
    {
        ArgumentNullException.ThrowIfNull(factory);
        return new Props(factory, typeof(TActor), DefaultDispatcherId, DefaultMailboxId, null);
    }

    /// <summary>
    /// Props built with <paramref name="factory"/> whose instances own resources outside the actor (a dependency-injection scope, say):
    /// <paramref name="release"/> is called once for every instance the runtime discards — after <c>PostStop</c> when the actor
    /// stops, and after <c>PreRestart</c> for the old instance when it restarts — on the actor's own turn.
    /// </summary>
    /// <remarks>An exception from <paramref name="release"/> is logged and does not change the actor's fate.</remarks>
    public static Props Create<TActor>(Func<TActor> factory, Action<TActor> release)
        where TActor : ActorBase
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(release);
        return new Props(factory, typeof(TActor), DefaultDispatcherId, DefaultMailboxId, null, actor => release((TActor)actor));
    }

    /// <summary>Props for <paramref name="actorType"/> built through its constructor that takes <paramref name="args"/>.</summary>
    public static Props Create(Type actorType, params object?[] args)
    {
        ArgumentNullException.ThrowIfNull(actorType);
        if (!typeof(ActorBase).IsAssignableFrom(actorType) || actorType.IsAbstract)
        {
            throw new ArgumentException($"Type {actorType} is not a concrete actor type (it must derive from ActorBase).", nameof(actorType));
        }

        return new Props(() => (ActorBase)Activator.CreateInstance(actorType, args)!, actorType, DefaultDispatcherId, DefaultMailboxId, null);
    }

    /// <summary>A copy that runs on the dispatcher <paramref name="dispatcherId"/>.</summary>
    public Props WithDispatcher(string dispatcherId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dispatcherId);
        return new Props(_factory, ActorType, dispatcherId, Mailbox, SupervisorStrategy, _release);
    }

    /// <summary>A copy that uses the mailbox <paramref name="mailboxId"/>.</summary>
    public Props WithMailbox(string mailboxId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(mailboxId);
        return new Props(_factory, ActorType, Dispatcher, mailboxId, SupervisorStrategy, _release);
    }

    /// <summary>A copy whose children are supervised by <paramref name="strategy"/>.</summary>
    public Props WithSupervisorStrategy(SupervisorStrategy strategy)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        return new Props(_factory, ActorType, Dispatcher, Mailbox, strategy, _release);
    }

    internal ActorBase NewActor() => _factory();

    /// <summary>Hands a discarded instance to the release callback, if any.</summary>
    internal void Release(ActorBase actor) => _release?.Invoke(actor);

    /// <inheritdoc />
    public override string ToString() => $"Props({ActorType?.Name ?? "?"}, dispatcher={Dispatcher}, mailbox={Mailbox})";
}
