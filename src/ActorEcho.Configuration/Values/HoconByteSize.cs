namespace ActorEcho.Configuration;

/// <summary>
/// Parses HOCON memory sizes: <c>64KiB</c>, <c>10k</c>, <c>1m</c>/<c>1M</c>/<c>1MiB</c> (powers of 1024),
/// <c>1MB</c>/<c>1GB</c> (powers of 1000), <c>512 bytes</c>; a bare number means bytes.
/// </summary>
public static class HoconByteSize
{
    /// <summary>Parses a size in bytes or throws <see cref="FormatException"/>.</summary>
    public static long Parse(string text) =>
        TryParse(text, out var value) ? value : throw new FormatException($"'{text}' is not a valid byte size (e.g. 64KiB, 10MB)");

    /// <summary>Parses a size in bytes; returns false for unknown units, negative values or overflow.</summary>
    public static bool TryParse(string? text, out long value)
    {
        value = 0;
        if (!UnitNumber.TrySplit(text, out var number, out var unit) || number < 0)
        {
            return false;
        }

        var factor = Factor(unit);
        return factor != 0m && UnitNumber.TryScale(number, factor, out value);
    }

    private static decimal Factor(string unit) => unit switch
    {
        "" or "B" or "b" or "byte" or "bytes" => 1m,
        "kB" or "kilobyte" or "kilobytes" => 1e3m,
        "K" or "k" or "Ki" or "KiB" or "kibibyte" or "kibibytes" => 1024m,
        "MB" or "megabyte" or "megabytes" => 1e6m,
        "M" or "m" or "Mi" or "MiB" or "mebibyte" or "mebibytes" => 1024m * 1024,
        "GB" or "gigabyte" or "gigabytes" => 1e9m,
        "G" or "g" or "Gi" or "GiB" or "gibibyte" or "gibibytes" => 1024m * 1024 * 1024,
        "TB" or "terabyte" or "terabytes" => 1e12m,
        "T" or "t" or "Ti" or "TiB" or "tebibyte" or "tebibytes" => 1024m * 1024 * 1024 * 1024,
        "PB" or "petabyte" or "petabytes" => 1e15m,
        "P" or "p" or "Pi" or "PiB" or "pebibyte" or "pebibytes" => 1024m * 1024 * 1024 * 1024 * 1024,
        "EB" or "exabyte" or "exabytes" => 1e18m,
        "E" or "e" or "Ei" or "EiB" or "exbibyte" or "exbibytes" => 1024m * 1024 * 1024 * 1024 * 1024 * 1024,
        _ => 0m,
    };
}
