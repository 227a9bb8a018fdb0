using System.Collections.Concurrent;

namespace ActorEcho.Hosting;

/// <summary>
/// Actors published by key for the rest of the application: starters register them, services find them (directly, through
/// <see cref="IRequiredActor{TKey}"/>, or by waiting with <see cref="GetAsync{TKey}"/>). Keys are types, usually the actor's own type
/// or an empty marker type when one actor type is registered more than once. One registry per hosted actor system; thread-safe.
/// </summary>
public sealed class ActorRegistry
{
    private readonly ConcurrentDictionary<Type, IActorRef> _actors = new();
    private readonly ConcurrentDictionary<Type, TaskCompletionSource<IActorRef>> _waiters = new();
    private volatile string? _closedReason;

    /// <summary>The registered actors by key.</summary>
    public IReadOnlyDictionary<Type, IActorRef> Actors => _actors;

    /// <summary>Registers <paramref name="actor"/> under <typeparamref name="TKey"/> and completes any waiting <see cref="GetAsync{TKey}"/>.</summary>
    /// <exception cref="DuplicateActorRegistrationException">An actor is already registered under the key.</exception>
    public void Register<TKey>(IActorRef actor) => Register(typeof(TKey), actor);

    /// <summary>Registers <paramref name="actor"/> under <paramref name="key"/>.</summary>
    /// <exception cref="DuplicateActorRegistrationException">An actor is already registered under the key.</exception>
    public void Register(Type key, IActorRef actor)
    {
        if (!TryRegister(key, actor))
        {
            throw new DuplicateActorRegistrationException(key, _actors[key], actor);
        }
    }

    /// <summary>Registers <paramref name="actor"/> under <typeparamref name="TKey"/> unless the key is taken; false when it is.</summary>
    public bool TryRegister<TKey>(IActorRef actor) => TryRegister(typeof(TKey), actor);

    /// <summary>Registers <paramref name="actor"/> under <paramref name="key"/> unless the key is taken; false when it is.</summary>
    public bool TryRegister(Type key, IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(actor);
        if (!_actors.TryAdd(key, actor))
        {
            return false;
        }

        if (_waiters.TryRemove(key, out var waiter))
        {
            waiter.TrySetResult(actor);
        }

        return true;
    }

    /// <summary>The actor registered under <typeparamref name="TKey"/>.</summary>
    /// <exception cref="KeyNotFoundException">Nothing is registered under the key.</exception>
    public IActorRef Get<TKey>() => TryGet<TKey>(out var actor)
        ? actor
        : throw new KeyNotFoundException($"No actor is registered under key '{typeof(TKey).FullName}'. Register it in a starter (WithActors), or wait for it with GetAsync.");

    /// <summary>The actor registered under <typeparamref name="TKey"/>, if any.</summary>
    public bool TryGet<TKey>([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IActorRef? actor) => TryGet(typeof(TKey), out actor);

    /// <summary>The actor registered under <paramref name="key"/>, if any.</summary>
    public bool TryGet(Type key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IActorRef? actor)
    {
        ArgumentNullException.ThrowIfNull(key);
        return _actors.TryGetValue(key, out actor);
    }

    /// <summary>Completes with the actor registered under <typeparamref name="TKey"/>: at once if it is, else when it gets registered.</summary>
    /// <exception cref="InvalidOperationException">The actor system terminated before the key was registered.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled first.</exception>
    public Task<IActorRef> GetAsync<TKey>(CancellationToken cancellationToken = default) => GetAsync(typeof(TKey), cancellationToken);

    /// <summary>Completes with the actor registered under <paramref name="key"/>, as <see cref="GetAsync{TKey}"/>.</summary>
    public Task<IActorRef> GetAsync(Type key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (_actors.TryGetValue(key, out var actor))
        {
            return Task.FromResult(actor);
        }

        if (_closedReason is { } reason)
        {
            return Task.FromException<IActorRef>(NotRegistered(key, reason));
        }

        var waiter = _waiters.GetOrAdd(key, static _ => new TaskCompletionSource<IActorRef>(TaskCreationOptions.RunContinuationsAsynchronously));

        // Registration or closing may have happened between the checks above and adding the waiter: settle it now if so.
        if (_actors.TryGetValue(key, out actor))
        {
            waiter.TrySetResult(actor);
        }
        else if (_closedReason is { } closed)
        {
            waiter.TrySetException(NotRegistered(key, closed));
        }

        return waiter.Task.WaitAsync(cancellationToken);
    }

    /// <summary>The actor system is gone: pending and later waits for missing keys fail with <paramref name="reason"/>.</summary>
    internal void Close(string reason)
    {
        _closedReason = reason;
        foreach (var (key, waiter) in _waiters)
        {
            waiter.TrySetException(NotRegistered(key, reason));
        }
    }

    private static InvalidOperationException NotRegistered(Type key, string reason) =>
        new($"No actor was registered under key '{key.FullName}': {reason}.");
}
