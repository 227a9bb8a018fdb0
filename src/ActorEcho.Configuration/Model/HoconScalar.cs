namespace ActorEcho.Configuration;

/// <summary>A string, number, boolean or null HOCON value, kept as its literal text.</summary>
public sealed class HoconScalar : HoconValue
{
    private static readonly HoconScalar s_true = new(HoconValueKind.Boolean, "true", null);
    private static readonly HoconScalar s_false = new(HoconValueKind.Boolean, "false", null);

    internal HoconScalar(HoconValueKind kind, string text, HoconPosition? position)
        : base(position, 1, 1)
    {
        Kind = kind;
        Text = text;
    }

    /// <summary>Gets the <c>null</c> value.</summary>
    public static HoconScalar Null { get; } = new(HoconValueKind.Null, "null", null);

    /// <inheritdoc />
    public override HoconValueKind Kind { get; }

    /// <summary>Gets the value as text: the string itself, the number literal, <c>true</c>/<c>false</c> or <c>null</c>.</summary>
    public string Text { get; }

    /// <summary>Creates a string value.</summary>
    public static HoconScalar String(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new HoconScalar(HoconValueKind.String, value, null);
    }

    /// <summary>Creates a number value from a JSON number literal such as <c>-1.5e3</c>.</summary>
    public static HoconScalar Number(string literal)
    {
        ArgumentNullException.ThrowIfNull(literal);
        if (!Parsing.HoconNumber.IsJsonNumber(literal))
        {
            throw new ArgumentException($"'{literal}' is not a JSON number literal.", nameof(literal));
        }

        return new HoconScalar(HoconValueKind.Number, literal, null);
    }

    /// <summary>Creates a boolean value.</summary>
    public static HoconScalar Boolean(bool value) => value ? s_true : s_false;

    /// <inheritdoc />
    public override bool Equals(HoconValue? other) =>
        other is HoconScalar scalar && scalar.Kind == Kind && string.Equals(scalar.Text, Text, StringComparison.Ordinal);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Kind, StringComparer.Ordinal.GetHashCode(Text));

    /// <inheritdoc />
    public override string ToString() => Text;
}
