namespace ActorEcho.Actors;

/// <summary>Sent to an actor that has received no message for the time it set with <see cref="IActorContext.SetReceiveTimeout"/>.</summary>
public sealed class ReceiveTimeout : IAutoReceivedMessage, INotInfluenceReceiveTimeout
{
    private ReceiveTimeout()
    {
    }

    /// <summary>The only instance.</summary>
    public static ReceiveTimeout Instance { get; } = new();

    /// <inheritdoc />
    public override string ToString() => "<ReceiveTimeout>";
}
