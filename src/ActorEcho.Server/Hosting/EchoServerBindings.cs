using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace ActorEcho.Server.Hosting;

/// <summary>
/// The hosted echo servers of one actor system that are listening, by registry key: how applications and tests learn the real
/// address (port 0 lets the OS choose). Filled in by <c>WithEchoServer</c> once each server is bound, before the host's start returns.
/// Resolve it from the services (after <c>AddEchoServer</c>) or get it with <see cref="For"/>.
/// </summary>
public sealed class EchoServerBindings
{
    private static readonly ConditionalWeakTable<ActorSystem, EchoServerBindings> s_bindings = [];

    private readonly ConcurrentDictionary<Type, EchoServerBinding> _bindings = new();
    private readonly ConcurrentDictionary<Type, TaskCompletionSource<EchoServerBinding>> _waiters = new();

    private EchoServerBindings()
    {
    }

    /// <summary>Every listening server.</summary>
    public IReadOnlyCollection<EchoServerBinding> All => [.. _bindings.Values];

    /// <summary>The bindings of <paramref name="system"/>.</summary>
    public static EchoServerBindings For(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return s_bindings.GetValue(system, static _ => new EchoServerBindings());
    }

    /// <summary>The binding of the server registered under <typeparamref name="TKey"/>.</summary>
    /// <exception cref="KeyNotFoundException">No server under that key is listening (yet).</exception>
    public EchoServerBinding Get<TKey>() => _bindings.TryGetValue(typeof(TKey), out var binding)
        ? binding
        : throw new KeyNotFoundException($"No echo server registered under key '{typeof(TKey).FullName}' is listening; add it with WithEchoServer<{typeof(TKey).Name}>() and wait for the host to start.");

    /// <summary>The binding of the server registered under <typeparamref name="TKey"/>, if it is listening.</summary>
    public bool TryGet<TKey>([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out EchoServerBinding? binding) => _bindings.TryGetValue(typeof(TKey), out binding);

    /// <summary>Completes with the binding of the server under <typeparamref name="TKey"/> once it is listening.</summary>
    public Task<EchoServerBinding> GetAsync<TKey>(CancellationToken cancellationToken = default)
    {
        if (_bindings.TryGetValue(typeof(TKey), out var binding))
        {
            return Task.FromResult(binding);
        }

        var waiter = _waiters.GetOrAdd(typeof(TKey), static _ => new TaskCompletionSource<EchoServerBinding>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (_bindings.TryGetValue(typeof(TKey), out binding))
        {
            waiter.TrySetResult(binding);
        }

        return waiter.Task.WaitAsync(cancellationToken);
    }

    internal void Add(EchoServerBinding binding)
    {
        if (!_bindings.TryAdd(binding.Key, binding))
        {
            throw new InvalidOperationException($"An echo server is already registered under key '{binding.Key.FullName}'.");
        }

        if (_waiters.TryRemove(binding.Key, out var waiter))
        {
            waiter.TrySetResult(binding);
        }
    }
}
