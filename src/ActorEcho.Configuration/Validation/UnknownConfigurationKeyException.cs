namespace ActorEcho.Configuration;

/// <summary>
/// A configuration key nobody reads that looks like a typo of one that is read, reported in one line:
/// <c>file:line:col: unknown key 'actorecho.server.prot' (did you mean 'actorecho.server.port'?)</c>.
/// </summary>
public sealed class UnknownConfigurationKeyException : InvalidOperationException
{
    internal UnknownConfigurationKeyException(string key, string suggestion, string? origin)
        : base($"{(origin is null ? string.Empty : origin + ": ")}unknown key '{key}' (did you mean '{suggestion}'?)")
    {
        Key = key;
        Suggestion = suggestion;
        Origin = origin;
    }

    /// <summary>Gets the unknown key as a HOCON path, e.g. <c>actorecho.server.prot</c>.</summary>
    public string Key { get; }

    /// <summary>Gets the known key it most resembles, as a HOCON path.</summary>
    public string Suggestion { get; }

    /// <summary>Gets the <c>file:line:col</c> where the unknown key was defined, or null when not from HOCON.</summary>
    public string? Origin { get; }
}
