namespace ActorEcho.Hosting;

/// <summary>
/// The actor registered under <typeparamref name="TKey"/> in the <see cref="ActorRegistry"/>, for constructor injection into
/// services, controllers and actors.
/// </summary>
/// <typeparam name="TKey">The registry key, usually the actor's type or a marker type.</typeparam>
public interface IRequiredActor<TKey>
{
    /// <summary>The registered actor; throws when nothing is registered yet (use <see cref="GetAsync"/> during start-up).</summary>
    /// <exception cref="KeyNotFoundException">No actor is registered under <typeparamref name="TKey"/>.</exception>
    IActorRef ActorRef { get; }

    /// <summary>Completes with the actor once it is registered; the way to wait for it from another hosted service's start.</summary>
    /// <exception cref="InvalidOperationException">The actor system terminated before the key was registered.</exception>
    Task<IActorRef> GetAsync(CancellationToken cancellationToken = default);
}
