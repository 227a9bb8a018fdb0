namespace ActorEcho.Actors;

/// <summary>An actor received <see cref="Terminated"/> for an actor it watches and did not handle it; the default supervisor stops it.</summary>
public sealed class DeathPactException : Exception
{
    /// <summary>Creates the exception for the death of <paramref name="deadActor"/>.</summary>
    public DeathPactException(IActorRef deadActor)
        : base($"Monitored actor [{deadActor.Path}] terminated and the watcher did not handle Terminated.")
    {
        DeadActor = deadActor;
    }

    /// <summary>The watched actor that died.</summary>
    public IActorRef DeadActor { get; }
}
