using System.Globalization;

namespace ActorEcho.Configuration;

/// <summary>Splits text such as <c>1.5 h</c> into a decimal number and a unit name.</summary>
internal static class UnitNumber
{
    public static bool TrySplit(string? text, out decimal number, out string unit)
    {
        number = 0;
        unit = string.Empty;
        if (text is null)
        {
            return false;
        }

        var span = text.AsSpan().Trim();
        var i = 0;
        if (i < span.Length && (span[i] == '-' || span[i] == '+'))
        {
            i++;
        }

        var digits = 0;
        while (i < span.Length && char.IsAsciiDigit(span[i]))
        {
            i++;
            digits++;
        }

        if (i < span.Length && span[i] == '.')
        {
            i++;
            while (i < span.Length && char.IsAsciiDigit(span[i]))
            {
                i++;
                digits++;
            }
        }

        if (digits == 0
            || !decimal.TryParse(span[..i], NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out number))
        {
            return false;
        }

        unit = span[i..].TrimStart().ToString();
        return true;
    }

    /// <summary>Multiplies and rounds, failing instead of overflowing.</summary>
    public static bool TryScale(decimal number, decimal factor, out long result)
    {
        result = 0;
        if (Math.Abs(number) > long.MaxValue / factor)
        {
            return false;
        }

        var scaled = Math.Round(number * factor, MidpointRounding.AwayFromZero);
        if (scaled > long.MaxValue || scaled < long.MinValue)
        {
            return false;
        }

        result = (long)scaled;
        return true;
    }
}
