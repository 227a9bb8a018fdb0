namespace ActorEcho.Hosting.Internal;

/// <summary>The open-generic <see cref="IRequiredActor{TKey}"/> the container hands out; caches the reference once found.</summary>
internal sealed class RequiredActor<TKey>(ActorRegistry registry) : IRequiredActor<TKey>
{
    private IActorRef? _actor;

    public IActorRef ActorRef => _actor ??= registry.Get<TKey>();

    public async Task<IActorRef> GetAsync(CancellationToken cancellationToken = default) =>
        _actor ??= await registry.GetAsync<TKey>(cancellationToken).ConfigureAwait(false);
}
