using Microsoft.Extensions.Configuration;

namespace ActorEcho.Configuration;

/// <summary>
/// Finds keys under a root (such as <c>actorecho</c>) that no library reads but that are within a small edit distance of a key that
/// one does — <c>actorecho.server.prot</c> for <c>actorecho.server.port</c> — so a typo fails start-up instead of being ignored.
/// </summary>
/// <remarks>
/// Known keys are the leaves of the libraries' reference configurations (<see cref="KnownKeys"/>). Unknown keys that resemble no known
/// key are allowed: applications keep their own settings, dispatchers and mailboxes next to ours. Array elements (<c>key:0</c>) match
/// any index. Keys compare case-insensitively, as configuration keys do. The distance counts insertions, deletions, substitutions and
/// swaps of adjacent characters, each as 1.
/// </remarks>
public static class ConfigurationKeyValidator
{
    /// <summary>The edit distance at or below which an unknown key is taken for a typo.</summary>
    public const int DefaultMaxDistance = 2;

    /// <summary>The leaf keys (those with a value) of <paramref name="reference"/>, in configuration form (<c>actorecho:server:port</c>).</summary>
    public static IReadOnlySet<string> KnownKeys(IConfiguration reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in reference.AsEnumerable())
        {
            if (value is not null)
            {
                keys.Add(Normalize(key));
            }
        }

        return keys;
    }

    /// <summary>
    /// Returns the first likely typo under <paramref name="root"/> (in key order) as the exception to throw, or null when there is none.
    /// </summary>
    /// <param name="configuration">The configuration to check; pass the root so the error can name the key's <c>file:line:col</c>.</param>
    /// <param name="knownKeys">Keys the libraries read, in configuration form (see <see cref="KnownKeys"/>).</param>
    /// <param name="root">The first path segment to check; keys outside it belong to others.</param>
    /// <param name="maxDistance">The largest edit distance that still counts as a typo.</param>
    public static UnknownConfigurationKeyException? FindLikelyTypo(IConfiguration configuration, IReadOnlySet<string> knownKeys, string root = "actorecho", int maxDistance = DefaultMaxDistance)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(knownKeys);
        ArgumentException.ThrowIfNullOrEmpty(root);
        ArgumentOutOfRangeException.ThrowIfNegative(maxDistance);

        var known = knownKeys.Select(Normalize).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var prefix = root + ConfigurationPath.KeyDelimiter;
        var candidates = configuration.AsEnumerable()
            .Where(pair => pair.Value is not null && pair.Key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .Select(pair => pair.Key)
            .Order(StringComparer.OrdinalIgnoreCase);
        foreach (var key in candidates)
        {
            var normalized = Normalize(key);
            if (known.Contains(normalized) || ClosestKnownKey(normalized, known, maxDistance) is not { } suggestion)
            {
                continue;
            }

            return new UnknownConfigurationKeyException(ToPath(key), ToPath(suggestion), configuration.GetHoconOrigin(key));
        }

        return null;
    }

    /// <summary>Throws the first likely typo found by <see cref="FindLikelyTypo"/>.</summary>
    /// <exception cref="UnknownConfigurationKeyException">A key under <paramref name="root"/> looks like a typo of a known key.</exception>
    public static void ThrowOnLikelyTypo(IConfiguration configuration, IReadOnlySet<string> knownKeys, string root = "actorecho", int maxDistance = DefaultMaxDistance)
    {
        if (FindLikelyTypo(configuration, knownKeys, root, maxDistance) is { } typo)
        {
            throw typo;
        }
    }

    private static string? ClosestKnownKey(string key, HashSet<string> known, int maxDistance)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in known)
        {
            var distance = EditDistance.Compute(key, candidate, maxDistance);
            if (distance <= maxDistance && (distance < bestDistance || (distance == bestDistance && string.CompareOrdinal(candidate, best) < 0)))
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best;
    }

    /// <summary>Lower-cases the key and turns array indices into <c>#</c>, so <c>list:3</c> matches a reference <c>list:0</c>.</summary>
    private static string Normalize(string key)
    {
        var segments = key.Split(ConfigurationPath.KeyDelimiter);
        for (var i = 0; i < segments.Length; i++)
        {
            segments[i] = segments[i].Length > 0 && segments[i].All(char.IsAsciiDigit) ? "#" : segments[i].ToLowerInvariant();
        }

        return string.Join(ConfigurationPath.KeyDelimiter, segments);
    }

    private static string ToPath(string key) => key.Replace(ConfigurationPath.KeyDelimiter, ".", StringComparison.Ordinal);
}
