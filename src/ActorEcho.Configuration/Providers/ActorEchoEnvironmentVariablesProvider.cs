using System.Collections;
using Microsoft.Extensions.Configuration;

namespace ActorEcho.Configuration;

/// <summary>
/// Maps <c>ACTORECHO__A__B-C=v</c> (prefix matched in any case) to the key <c>actorecho:a:b-c</c>: the rest of the name is
/// split on <c>__</c> and lower-cased, nothing else changes, so a HOCON key such as <c>max-connections</c> is spelled with
/// its '-'. Names with an empty segment (<c>ACTORECHO__</c>, <c>ACTORECHO__A____B</c>) name no key and are skipped.
/// Names are applied in ordinal order, so when two differ only in case (possible on Linux) the result is still deterministic.
/// </summary>
internal sealed class ActorEchoEnvironmentVariablesProvider : ConfigurationProvider
{
    public const string Prefix = "ACTORECHO__";
    public const string Root = "actorecho";
    private const string Separator = "__";

    private readonly ActorEchoEnvironmentVariablesSource _source;

    public ActorEchoEnvironmentVariablesProvider(ActorEchoEnvironmentVariablesSource source)
    {
        _source = source;
    }

    public override void Load()
    {
        var variables = _source.Environment ?? System.Environment.GetEnvironmentVariables();
        var matches = new List<(string Name, string? Value)>();
        foreach (DictionaryEntry entry in variables)
        {
            if (entry.Key is string name && name.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
            {
                matches.Add((name, entry.Value?.ToString()));
            }
        }

        matches.Sort(static (a, b) => string.CompareOrdinal(a.Name, b.Name));
        var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in matches)
        {
            if (TryMapName(name, out var key))
            {
                data[key] = value;
            }
        }

        Data = data;
    }

    /// <summary>Maps a variable name to its configuration key; false when the name does not name a key under <c>actorecho</c>.</summary>
    public static bool TryMapName(string name, out string key)
    {
        key = string.Empty;
        if (!name.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var segments = name[Prefix.Length..].Split(Separator);
        if (segments.Any(string.IsNullOrEmpty))
        {
            return false;
        }

        // HOCON keys are lower-case kebab; configuration keys compare case-insensitively, lower case just reads like the file.
#pragma warning disable CA1308 // Keys are shown as they appear in HOCON files, which are lower case.
        key = Root + ConfigurationPath.KeyDelimiter + string.Join(ConfigurationPath.KeyDelimiter, segments).ToLowerInvariant();
#pragma warning restore CA1308
        return true;
    }
}
