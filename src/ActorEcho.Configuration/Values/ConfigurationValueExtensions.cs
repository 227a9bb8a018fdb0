using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace ActorEcho.Configuration;

/// <summary>
/// Typed getters for settings classes: HOCON durations, sizes and booleans stay strings in
/// <see cref="IConfiguration"/> and are converted here, with errors that point at the HOCON origin.
/// A missing key (or a null value) returns the default.
/// </summary>
public static class ConfigurationValueExtensions
{
    private const string DurationKind = "duration (e.g. 5s, 250ms)";

    /// <summary>Reads a duration such as <c>5s</c> or <c>250ms</c> (bare numbers are milliseconds).</summary>
    /// <exception cref="ConfigurationValueException">The value is not a duration.</exception>
    public static TimeSpan GetDuration(this IConfiguration configuration, string key, TimeSpan defaultValue)
    {
        var text = Read(configuration, key);
        if (text is null)
        {
            return defaultValue;
        }

        return HoconDuration.TryParse(text, out var value) ? value : throw ConfigurationValueException.Invalid(configuration, key, text, DurationKind);
    }

    /// <summary>Reads a duration where <c>infinite</c>, <c>off</c> or <c>none</c> mean "no limit" and return null.</summary>
    /// <exception cref="ConfigurationValueException">The value is neither a duration nor an infinite marker.</exception>
    public static TimeSpan? GetDurationOrInfinite(this IConfiguration configuration, string key, TimeSpan? defaultValue)
    {
        var text = Read(configuration, key);
        if (text is null)
        {
            return defaultValue;
        }

        if (HoconDuration.IsInfinite(text))
        {
            return null;
        }

        return HoconDuration.TryParse(text, out var value)
            ? value
            : throw ConfigurationValueException.Invalid(configuration, key, text, "duration (e.g. 5s, 250ms, infinite)");
    }

    /// <summary>Reads a size in bytes such as <c>64KiB</c> or <c>10MB</c> (bare numbers are bytes).</summary>
    /// <exception cref="ConfigurationValueException">The value is not a size.</exception>
    public static long GetByteSize(this IConfiguration configuration, string key, long defaultValue)
    {
        var text = Read(configuration, key);
        if (text is null)
        {
            return defaultValue;
        }

        return HoconByteSize.TryParse(text, out var value)
            ? value
            : throw ConfigurationValueException.Invalid(configuration, key, text, "byte size (e.g. 64KiB, 10MB)");
    }

    /// <summary>Reads a 32-bit integer.</summary>
    /// <exception cref="ConfigurationValueException">The value is not an integer in range.</exception>
    public static int GetInt32(this IConfiguration configuration, string key, int defaultValue)
    {
        var text = Read(configuration, key);
        if (text is null)
        {
            return defaultValue;
        }

        return int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw ConfigurationValueException.Invalid(configuration, key, text, "integer (e.g. 42)");
    }

    /// <summary>Reads a 32-bit integer that must lie in [<paramref name="min"/>, <paramref name="max"/>]: settings validate at start-up.</summary>
    /// <exception cref="ConfigurationValueException">The value is not an integer, or out of range; the message names key, value and range.</exception>
    public static int GetInt32(this IConfiguration configuration, string key, int defaultValue, int min, int max = int.MaxValue)
    {
        var value = configuration.GetInt32(key, defaultValue);
        return value >= min && value <= max
            ? value
            : throw ConfigurationValueException.OutOfRange(configuration, key, value.ToString(CultureInfo.InvariantCulture), RangeText(min, max));
    }

    /// <summary>Reads a byte size that must lie in [<paramref name="min"/>, <paramref name="max"/>] bytes.</summary>
    /// <exception cref="ConfigurationValueException">The value is not a size, or out of range.</exception>
    public static long GetByteSize(this IConfiguration configuration, string key, long defaultValue, long min, long max = long.MaxValue)
    {
        var value = configuration.GetByteSize(key, defaultValue);
        return value >= min && value <= max
            ? value
            : throw ConfigurationValueException.OutOfRange(configuration, key, value.ToString(CultureInfo.InvariantCulture), RangeText(min, max) + " bytes");
    }

    /// <summary>Reads a duration that must be positive (timeouts, intervals, back-offs).</summary>
    /// <exception cref="ConfigurationValueException">The value is not a duration, or not positive.</exception>
    public static TimeSpan GetPositiveDuration(this IConfiguration configuration, string key, TimeSpan defaultValue)
    {
        var value = configuration.GetDuration(key, defaultValue);
        return value > TimeSpan.Zero
            ? value
            : throw ConfigurationValueException.OutOfRange(configuration, key, configuration[key] ?? value.ToString(), "must be a positive duration (e.g. 250ms, 5s)");
    }

    private static string RangeText(long min, long max) => max == long.MaxValue || max == int.MaxValue
        ? $"must be at least {min.ToString(CultureInfo.InvariantCulture)}"
        : $"must be between {min.ToString(CultureInfo.InvariantCulture)} and {max.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Reads a boolean: true/false, yes/no or on/off (any case).</summary>
    /// <exception cref="ConfigurationValueException">The value is not one of those words.</exception>
    public static bool GetBoolean(this IConfiguration configuration, string key, bool defaultValue)
    {
        var text = Read(configuration, key);
        if (text is null)
        {
            return defaultValue;
        }

        return text.Trim().ToUpperInvariant() switch
        {
            "TRUE" or "YES" or "ON" => true,
            "FALSE" or "NO" or "OFF" => false,
            _ => throw ConfigurationValueException.Invalid(configuration, key, text, "boolean (e.g. true, off)"),
        };
    }

    /// <summary>Reads a string, returning the default when the key is missing or null.</summary>
    public static string GetString(this IConfiguration configuration, string key, string defaultValue)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(key);
        return configuration[key] ?? defaultValue;
    }

    private static string? Read(IConfiguration configuration, string key)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(key);
        var text = configuration[key];
        return string.IsNullOrWhiteSpace(text) ? null : text;
    }
}
