using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ActorEcho.Hosting.Internal;

/// <summary>
/// Builds actors with <see cref="ActivatorUtilities"/> inside a fresh <see cref="AsyncServiceScope"/> per instance, and disposes that
/// scope through the runtime's release callback (<see cref="Props.Create{TActor}(Func{TActor}, Action{TActor})"/>) when the
/// instance is discarded.
/// </summary>
internal sealed class ServiceProviderDependencyResolver(IServiceProvider services) : IDependencyResolver
{
    /// <summary>Which scope belongs to which live instance; weak, so a leaked instance does not pin its scope forever.</summary>
    private readonly ConditionalWeakTable<ActorBase, ScopeHolder> _scopes = [];

    public IServiceProvider Services => services;

    public Props Props<TActor>(params object[] args)
        where TActor : ActorBase => Props(typeof(TActor), args);

    public Props Props(Type actorType, params object[] args)
    {
        ArgumentNullException.ThrowIfNull(actorType);
        ArgumentNullException.ThrowIfNull(args);
        if (!typeof(ActorBase).IsAssignableFrom(actorType) || actorType.IsAbstract)
        {
            throw new ArgumentException($"Type {actorType} is not a concrete actor type (it must derive from ActorBase).", nameof(actorType));
        }

        if (Array.IndexOf(args, null) is var nullAt and >= 0)
        {
            throw new ArgumentException($"Argument {nullAt} for {actorType.Name} is null; constructor arguments are matched by their type, so pass non-null values (leave services to the container).", nameof(args));
        }

        // One compiled factory per Props, not per instance; arguments typed by their runtime types.
        var factory = ActivatorUtilities.CreateFactory(actorType, [.. args.Select(a => a.GetType())]);
        var arguments = args.ToArray();
        return ActorEcho.Actors.Props.Create(() => Create(factory, arguments), Release);
    }

    private ActorBase Create(ObjectFactory factory, object[] arguments)
    {
        var scope = services.CreateAsyncScope();
        try
        {
            var actor = (ActorBase)factory(scope.ServiceProvider, arguments);
            _scopes.AddOrUpdate(actor, new ScopeHolder(scope));
            return actor;
        }
        catch
        {
            DisposeScope(scope);
            throw;
        }
    }

    private void Release(ActorBase actor)
    {
        if (_scopes.TryGetValue(actor, out var holder))
        {
            _scopes.Remove(actor);
            DisposeScope(holder.Scope);
        }
    }

    /// <summary>
    /// Disposes on the actor's turn, where a failure reaches the runtime's log; services that only dispose asynchronously finish in
    /// the background rather than block the dispatcher thread, and a failure there is logged here.
    /// </summary>
    private void DisposeScope(AsyncServiceScope scope)
    {
        var pending = scope.DisposeAsync();
        if (pending.IsCompleted)
        {
            pending.GetAwaiter().GetResult();
            return;
        }

        _ = pending.AsTask().ContinueWith(
            static (task, state) => HostingLog.ScopeDisposeFailed(((ServiceProviderDependencyResolver)state!).Logger, task.Exception!.GetBaseException()),
            this,
            CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private ILogger Logger => services.GetService<ILoggerFactory>()?.CreateLogger(typeof(ServiceProviderDependencyResolver)) ?? NullLogger.Instance;

    private sealed record ScopeHolder(AsyncServiceScope Scope);
}
