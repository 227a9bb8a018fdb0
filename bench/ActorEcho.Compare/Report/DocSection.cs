namespace ActorEcho.Compare.Report;

/// <summary>Replaces the generated part of a Markdown file, between <see cref="Begin"/> and <see cref="End"/>, leaving the rest intact.</summary>
internal static class DocSection
{
    public const string Begin = "<!-- compare:begin -->";
    public const string End = "<!-- compare:end -->";

    /// <summary>
    /// The document with <paramref name="generated"/> between the markers; when the markers are missing the section is appended.
    /// Throws when only one marker is present or they are out of order (a hand edit gone wrong must not lose text).
    /// </summary>
    public static string Replace(string document, string generated) => Replace(document, generated, Begin, End);

    /// <summary>As <see cref="Replace(string, string)"/>, between other markers (another tool's section of another document).</summary>
    public static string Replace(string document, string generated, string beginMarker, string endMarker)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(generated);
        var section = beginMarker + "\n" + generated.TrimEnd('\n') + "\n" + endMarker;
        var begin = document.IndexOf(beginMarker, StringComparison.Ordinal);
        var end = document.IndexOf(endMarker, StringComparison.Ordinal);
        if (begin < 0 && end < 0)
        {
            return document.TrimEnd('\n') + "\n\n" + section + "\n";
        }

        if (begin < 0 || end < begin)
        {
            throw new InvalidOperationException($"the markers {beginMarker} and {endMarker} must both be present, in that order");
        }

        return string.Concat(document.AsSpan(0, begin), section, document.AsSpan(end + endMarker.Length));
    }
}
