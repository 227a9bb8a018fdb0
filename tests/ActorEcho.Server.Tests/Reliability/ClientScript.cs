namespace ActorEcho.Server.Tests.Reliability;

/// <summary>What a scripted client does next.</summary>
public enum ClientOpKind
{
    /// <summary>Send <see cref="ClientOp.Size"/> bytes (0 allowed) derived from <see cref="ClientOp.Seed"/>.</summary>
    Write,

    /// <summary>Read whatever has arrived, without waiting.</summary>
    Read,

    /// <summary>Yield for a few milliseconds so other connections interleave.</summary>
    Pause,

    /// <summary>Half-close (FIN), then read to EOF: the echo must equal everything sent. Ends the script.</summary>
    HalfClose,

    /// <summary>Reset (RST): what was read so far must be a prefix of what was sent. Ends the script.</summary>
    Reset,
}

/// <summary>One step of a scripted client.</summary>
public sealed record ClientOp(ClientOpKind Kind, int Size, int Seed)
{
    /// <inheritdoc />
    public override string ToString() => Kind == ClientOpKind.Write ? $"Write({Size}, seed {Seed})" : Kind.ToString();
}

/// <summary>The scripts of the connections of one property case, run concurrently.</summary>
public sealed record ClientScripts(IReadOnlyList<IReadOnlyList<ClientOp>> Connections)
{
    /// <inheritdoc />
    public override string ToString() =>
        string.Join(" | ", Connections.Select((ops, i) => $"#{i}: {string.Join(", ", ops)}"));
}
