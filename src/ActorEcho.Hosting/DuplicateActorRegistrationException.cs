namespace ActorEcho.Hosting;

/// <summary>An <see cref="ActorRegistry"/> key is registered twice; the message names the key and both actors.</summary>
public sealed class DuplicateActorRegistrationException : InvalidOperationException
{
    internal DuplicateActorRegistrationException(Type key, IActorRef existing, IActorRef attempted)
        : base($"An actor is already registered under key '{key.FullName}' ({existing.Path}); cannot register {attempted.Path}. Use a distinct key type per actor.")
    {
        Key = key;
    }

    /// <summary>The key that was taken.</summary>
    public Type Key { get; }
}
