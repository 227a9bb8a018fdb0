using System.Globalization;

namespace ActorEcho.Configuration;

/// <summary>
/// Raised when HOCON text cannot be parsed or resolved; the message starts with <c>file:line:col</c>
/// so the user can jump straight to the offending spot.
/// </summary>
public sealed class HoconParseException : FormatException
{
    internal HoconParseException(string sourceName, int line, int column, string reason)
        : base(string.Create(CultureInfo.InvariantCulture, $"{sourceName}:{line}:{column}: {reason}"))
    {
        SourceName = sourceName;
        Line = line;
        Column = column;
        Reason = reason;
    }

    internal HoconParseException(HoconPosition position, string reason)
        : this(position.Source, position.Line, position.Column, reason)
    {
    }

    /// <summary>Gets the file (or <c>&lt;string&gt;</c>) the error was found in.</summary>
    public string SourceName { get; }

    /// <summary>Gets the 1-based line of the error.</summary>
    public int Line { get; }

    /// <summary>Gets the 1-based column (UTF-16 code units) of the error.</summary>
    public int Column { get; }

    /// <summary>Gets the message without its <c>file:line:col:</c> prefix.</summary>
    public string Reason { get; }
}
