using Microsoft.Extensions.Configuration;

namespace ActorEcho.Configuration;

/// <summary>
/// A configuration value that cannot be used, reported in one line that starts with the HOCON origin
/// (<c>file:line:col</c>) when known, so the user can go straight to the setting.
/// </summary>
public sealed class ConfigurationValueException : InvalidOperationException
{
    private ConfigurationValueException(string message, string key, string value, string? origin)
        : base(message)
    {
        Key = key;
        Value = value;
        Origin = origin;
    }

    /// <summary>Gets the full configuration key, e.g. <c>actorecho:io:tcp:port</c>.</summary>
    public string Key { get; }

    /// <summary>Gets the offending value as text.</summary>
    public string Value { get; }

    /// <summary>Gets the <c>file:line:col</c> where the value was defined, or null when not from HOCON.</summary>
    public string? Origin { get; }

    /// <summary>
    /// Creates the exception a settings class throws for a value that parsed but is out of range, worded like
    /// <c>file:line:col: key = 'value' must be between 1 and 65535</c>.
    /// </summary>
    /// <param name="configuration">The configuration (root or section) the key was read from.</param>
    /// <param name="key">Key relative to <paramref name="configuration"/>.</param>
    /// <param name="value">The value that was read.</param>
    /// <param name="expectation">What was expected, phrased to follow the value, e.g. "must be positive".</param>
    public static ConfigurationValueException OutOfRange(IConfiguration configuration, string key, string value, string expectation)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(key);
        return Create(configuration, key, value ?? string.Empty, expectation);
    }

    internal static ConfigurationValueException Invalid(IConfiguration configuration, string key, string value, string kind) =>
        Create(configuration, key, value, "is not a valid " + kind);

    private static ConfigurationValueException Create(IConfiguration configuration, string key, string value, string expectation)
    {
        var fullKey = configuration is IConfigurationSection section ? ConfigurationPath.Combine(section.Path, key) : key;
        var origin = configuration.GetHoconOrigin(key);
        var message = $"{origin ?? fullKey}: {fullKey} = '{value}' {expectation}";
        return new ConfigurationValueException(message, fullKey, value, origin);
    }
}
