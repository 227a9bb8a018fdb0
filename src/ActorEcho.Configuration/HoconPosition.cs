using System.Globalization;

namespace ActorEcho.Configuration;

/// <summary>A place in a HOCON source; rendered as <c>file:line:col</c>.</summary>
internal readonly record struct HoconPosition(string Source, int Line, int Column)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Source}:{Line}:{Column}");
}
