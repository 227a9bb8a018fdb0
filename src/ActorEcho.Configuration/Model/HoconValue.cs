namespace ActorEcho.Configuration;

/// <summary>
/// A fully resolved, immutable HOCON value. Equality is structural and ignores where values were defined,
/// which is what round-trip comparisons need.
/// </summary>
public abstract class HoconValue : IEquatable<HoconValue>
{
    private protected HoconValue(HoconPosition? position, int depth, long size)
    {
        Position = position;
        Depth = depth;
        Size = size;
    }

    /// <summary>Gets the JSON-level type of this value.</summary>
    public abstract HoconValueKind Kind { get; }

    /// <summary>Gets where the value was defined as <c>file:line:col</c>, or null for values built in code.</summary>
    public string? Origin => Position?.ToString();

    internal HoconPosition? Position { get; }

    /// <summary>Gets the nesting depth (1 for scalars); bounded by the parser so consumers may recurse.</summary>
    internal int Depth { get; }

    /// <summary>Gets the number of values in this tree; used to stop substitution blow-ups.</summary>
    internal long Size { get; }

    /// <inheritdoc />
    public abstract bool Equals(HoconValue? other);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is HoconValue other && Equals(other);

    /// <inheritdoc />
    public abstract override int GetHashCode();
}
