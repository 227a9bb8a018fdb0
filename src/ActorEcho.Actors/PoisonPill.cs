namespace ActorEcho.Actors;

/// <summary>Stops the receiving actor once it is processed, after every message enqueued before it.</summary>
public sealed class PoisonPill : IAutoReceivedMessage
{
    private PoisonPill()
    {
    }

    /// <summary>The only instance.</summary>
    public static PoisonPill Instance { get; } = new();

    /// <inheritdoc />
    public override string ToString() => "<PoisonPill>";
}
