namespace ActorEcho.Configuration;

/// <summary>The JSON-level type of a resolved HOCON value.</summary>
public enum HoconValueKind
{
    /// <summary>An object with named fields.</summary>
    Object,

    /// <summary>An ordered list of values.</summary>
    Array,

    /// <summary>A quoted or unquoted string (durations and sizes are strings too).</summary>
    String,

    /// <summary>A JSON number literal.</summary>
    Number,

    /// <summary>The literal <c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary>The literal <c>null</c>.</summary>
    Null,
}
