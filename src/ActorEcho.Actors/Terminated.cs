namespace ActorEcho.Actors;

/// <summary>
/// Delivered exactly once to every actor that watches <see cref="ActorRef"/> when it stops (or at once, when it was already dead).
/// An actor that does not handle it fails with <see cref="DeathPactException"/>.
/// </summary>
public sealed class Terminated : IAutoReceivedMessage, IDeadLetterSuppression
{
    /// <summary>Creates the notification for <paramref name="actorRef"/>.</summary>
    public Terminated(IActorRef actorRef, bool existenceConfirmed = true)
    {
        ActorRef = actorRef;
        ExistenceConfirmed = existenceConfirmed;
    }

    /// <summary>The actor that stopped.</summary>
    public IActorRef ActorRef { get; }

    /// <summary>False when the watched reference never belonged to a live actor.</summary>
    public bool ExistenceConfirmed { get; }

    /// <inheritdoc />
    public override string ToString() => $"<Terminated>: {ActorRef.Path}";
}
