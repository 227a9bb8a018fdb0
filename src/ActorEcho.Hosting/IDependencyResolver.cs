namespace ActorEcho.Hosting;

/// <summary>
/// Creates <see cref="Props"/> for actors whose constructor dependencies come from the host's <see cref="IServiceProvider"/>. Each
/// actor instance gets its own dependency-injection scope, disposed when the instance is discarded (the actor stops, or restarts
/// into a new instance with a new scope). Resolve it from the services, or take it in a starter or an actor's constructor.
/// </summary>
public interface IDependencyResolver
{
    /// <summary>The host's services.</summary>
    IServiceProvider Services { get; }

    /// <summary>
    /// Props for <typeparamref name="TActor"/>: <paramref name="args"/> fill the constructor parameters they match by type, the
    /// services fill the rest (singletons from the host, scoped services from the instance's own scope).
    /// </summary>
    /// <exception cref="ArgumentException"><typeparamref name="TActor"/> is abstract.</exception>
    Props Props<TActor>(params object[] args)
        where TActor : ActorBase;

    /// <summary>Props for <paramref name="actorType"/>, as <see cref="Props{TActor}"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="actorType"/> is not a concrete <see cref="ActorBase"/>.</exception>
    Props Props(Type actorType, params object[] args);
}
