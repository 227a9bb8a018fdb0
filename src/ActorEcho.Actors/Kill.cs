namespace ActorEcho.Actors;

/// <summary>Makes the receiving actor fail with <see cref="ActorKilledException"/>; the default supervisor then stops it.</summary>
public sealed class Kill : IAutoReceivedMessage
{
    private Kill()
    {
    }

    /// <summary>The only instance.</summary>
    public static Kill Instance { get; } = new();

    /// <inheritdoc />
    public override string ToString() => "<Kill>";
}
