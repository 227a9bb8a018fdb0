using System.Text;

namespace ActorEcho.Configuration.Parsing;

/// <summary>An immutable list of key segments; <c>a."b.c"</c> has the two segments <c>a</c> and <c>b.c</c>.</summary>
internal sealed class HoconPath : IEquatable<HoconPath>
{
    private readonly string[] _segments;

    public HoconPath(string[] segments)
    {
        _segments = segments;
    }

    public static HoconPath Root { get; } = new([]);

    public IReadOnlyList<string> Segments => _segments;

    public int Count => _segments.Length;

    public bool IsRoot => _segments.Length == 0;

    public string this[int index] => _segments[index];

    /// <summary>Gets the name used for the environment-variable fallback: segments joined with dots.</summary>
    public string EnvironmentName => string.Join('.', _segments);

    public static HoconPath Parse(string expression)
    {
        var lexer = new HoconLexer("${" + expression + "}", "<path>");
        try
        {
            var token = lexer.Next();
            if (token.Kind == TokenKind.Substitution && !token.Optional && lexer.Next().Kind == TokenKind.End)
            {
                return token.Path!;
            }
        }
        catch (HoconParseException ex)
        {
            throw new ArgumentException($"'{expression}' is not a HOCON path expression: {ex.Reason}", nameof(expression), ex);
        }

        throw new ArgumentException($"'{expression}' is not a HOCON path expression.", nameof(expression));
    }

    public HoconPath Append(string segment)
    {
        var segments = new string[_segments.Length + 1];
        _segments.CopyTo(segments, 0);
        segments[^1] = segment;
        return new HoconPath(segments);
    }

    public HoconPath Concat(HoconPath other)
    {
        if (other.IsRoot)
        {
            return this;
        }

        if (IsRoot)
        {
            return other;
        }

        return new HoconPath([.. _segments, .. other._segments]);
    }

    public HoconPath Skip(int count) => count == 0 ? this : new HoconPath(_segments[count..]);

    public bool StartsWith(HoconPath prefix)
    {
        if (prefix._segments.Length > _segments.Length)
        {
            return false;
        }

        for (var i = 0; i < prefix._segments.Length; i++)
        {
            if (!string.Equals(prefix._segments[i], _segments[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    public bool Equals(HoconPath? other) => other is not null && other._segments.AsSpan().SequenceEqual(_segments);

    public override bool Equals(object? obj) => obj is HoconPath other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var segment in _segments)
        {
            hash.Add(segment, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }

    /// <summary>Renders the path as HOCON source, quoting segments that would not read back as one segment.</summary>
    public override string ToString()
    {
        var builder = new StringBuilder();
        for (var i = 0; i < _segments.Length; i++)
        {
            if (i > 0)
            {
                builder.Append('.');
            }

            var segment = _segments[i];
            if (NeedsQuotes(segment))
            {
                HoconStringWriter.WriteQuoted(builder, segment);
            }
            else
            {
                builder.Append(segment);
            }
        }

        return builder.ToString();
    }

    private static bool NeedsQuotes(string segment)
    {
        if (segment.Length == 0)
        {
            return true;
        }

        foreach (var c in segment)
        {
            if (c == '.' || c == '/' || HoconLexer.IsForbidden(c) || HoconLexer.IsWhitespace(c) || c == '\n')
            {
                return true;
            }
        }

        return false;
    }
}
