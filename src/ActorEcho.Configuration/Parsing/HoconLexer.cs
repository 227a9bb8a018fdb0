using System.Globalization;
using System.Text;

namespace ActorEcho.Configuration.Parsing;

/// <summary>
/// Hand-written HOCON tokenizer with line/column tracking. Comments are skipped; whitespace and newlines are
/// returned because value concatenation and field separation depend on them.
/// </summary>
internal sealed class HoconLexer
{
    private readonly string _text;
    private readonly string _source;
    private int _pos;
    private int _line = 1;
    private int _column = 1;

    public HoconLexer(string text, string source)
    {
        _text = text;
        _source = source;
    }

    public string Source => _source;

    /// <summary>True for characters that may not appear in unquoted text (HOCON spec list).</summary>
    public static bool IsForbidden(char c) => c switch
    {
        '$' or '"' or '{' or '}' or '[' or ']' or ':' or '=' or ',' or '+' or '#' or '`' or '^' or '?' or '!' or '@' or '*' or '&' or '\\' => true,
        _ => false,
    };

    /// <summary>True for whitespace other than the newline character (BOM and Unicode spaces included).</summary>
    public static bool IsWhitespace(char c) => c != '\n' && (char.IsWhiteSpace(c) || c == '\uFEFF');

    public (int Pos, int Line, int Column) Save() => (_pos, _line, _column);

    public void Restore((int Pos, int Line, int Column) state) => (_pos, _line, _column) = state;

    public Token Next()
    {
        while (true)
        {
            if (_pos >= _text.Length)
            {
                return new Token(TokenKind.End, string.Empty, _line, _column);
            }

            var c = _text[_pos];
            var line = _line;
            var column = _column;
            switch (c)
            {
                case '\n':
                    Advance();
                    return new Token(TokenKind.Newline, "\n", line, column);
                case '#':
                    SkipComment();
                    continue;
                case '/' when Peek(1) == '/':
                    SkipComment();
                    continue;
                case ',':
                    Advance();
                    return new Token(TokenKind.Comma, ",", line, column);
                case '=':
                    Advance();
                    return new Token(TokenKind.Equals, "=", line, column);
                case ':':
                    Advance();
                    return new Token(TokenKind.Colon, ":", line, column);
                case '{':
                    Advance();
                    return new Token(TokenKind.OpenBrace, "{", line, column);
                case '}':
                    Advance();
                    return new Token(TokenKind.CloseBrace, "}", line, column);
                case '[':
                    Advance();
                    return new Token(TokenKind.OpenBracket, "[", line, column);
                case ']':
                    Advance();
                    return new Token(TokenKind.CloseBracket, "]", line, column);
                case '+':
                    if (Peek(1) != '=')
                    {
                        Advance();
                        throw Error(_line, _column, "expected '=' after '+', found " + DescribeChar(_pos));
                    }

                    Advance();
                    Advance();
                    return new Token(TokenKind.PlusEquals, "+=", line, column);
                case '"':
                    return ReadQuoted(line, column);
                case '$':
                    return ReadSubstitution(line, column);
                default:
                    break;
            }

            if (IsWhitespace(c))
            {
                var start = _pos;
                while (_pos < _text.Length && IsWhitespace(_text[_pos]))
                {
                    Advance();
                }

                return new Token(TokenKind.Whitespace, _text[start.._pos], line, column);
            }

            if (IsForbidden(c))
            {
                throw Error(line, column, "expected a key, value or separator, found reserved character " + DescribeChar(_pos));
            }

            return ReadUnquoted(line, column);
        }
    }

    private char Peek(int offset) => _pos + offset < _text.Length ? _text[_pos + offset] : '\0';

    private void Advance()
    {
        if (_text[_pos] == '\n')
        {
            _line++;
            _column = 1;
        }
        else
        {
            _column++;
        }

        _pos++;
    }

    private void SkipComment()
    {
        while (_pos < _text.Length && _text[_pos] != '\n')
        {
            Advance();
        }
    }

    private Token ReadUnquoted(int line, int column)
    {
        var start = _pos;
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (c == '\n' || IsWhitespace(c) || (c == '/' && Peek(1) == '/'))
            {
                break;
            }

            if (IsForbidden(c) && !IsExponentSign(start, c))
            {
                break;
            }

            Advance();
        }

        return new Token(TokenKind.Unquoted, _text[start.._pos], line, column);
    }

    /// <summary>Allows the '+' of a number such as <c>1e+5</c>, which the reserved-character rule would split.</summary>
    private bool IsExponentSign(int start, char c)
    {
        if (c != '+' || _pos == start || (_text[_pos - 1] != 'e' && _text[_pos - 1] != 'E') || !char.IsAsciiDigit(Peek(1)))
        {
            return false;
        }

        var first = _text[start];
        return char.IsAsciiDigit(first) || (first == '-' && start + 1 < _pos && char.IsAsciiDigit(_text[start + 1]));
    }

    private Token ReadQuoted(int line, int column)
    {
        if (Peek(1) == '"' && Peek(2) == '"')
        {
            return ReadTripleQuoted(line, column);
        }

        var value = ReadQuotedBody();
        return new Token(TokenKind.QuotedString, value, line, column);
    }

    /// <summary>Reads a JSON string starting at the opening quote and returns its decoded value.</summary>
    private string ReadQuotedBody()
    {
        Advance();
        var runStart = _pos;
        StringBuilder? builder = null;
        while (true)
        {
            if (_pos >= _text.Length)
            {
                throw Error(_line, _column, "expected '\"' to close string, found end of input");
            }

            var c = _text[_pos];
            if (c == '"')
            {
                string result;
                if (builder is null)
                {
                    result = _text[runStart.._pos];
                }
                else
                {
                    result = builder.Append(_text, runStart, _pos - runStart).ToString();
                }

                Advance();
                return result;
            }

            if (c == '\n')
            {
                throw Error(_line, _column, "expected '\"' to close string, found newline");
            }

            if (c != '\\')
            {
                Advance();
                continue;
            }

            builder ??= new StringBuilder();
            builder.Append(_text, runStart, _pos - runStart);
            Advance();
            if (_pos >= _text.Length)
            {
                throw Error(_line, _column, "expected escape character after '\\', found end of input");
            }

            var escaped = _text[_pos];
            switch (escaped)
            {
                case '"':
                case '\\':
                case '/':
                    builder.Append(escaped);
                    break;
                case 'b':
                    builder.Append('\b');
                    break;
                case 'f':
                    builder.Append('\f');
                    break;
                case 'n':
                    builder.Append('\n');
                    break;
                case 'r':
                    builder.Append('\r');
                    break;
                case 't':
                    builder.Append('\t');
                    break;
                case 'u':
                    Advance();
                    builder.Append(ReadHex4());
                    runStart = _pos;
                    continue;
                default:
                    throw Error(_line, _column, "expected escape character (\" \\ / b f n r t u) after '\\', found " + DescribeChar(_pos));
            }

            Advance();
            runStart = _pos;
        }
    }

    private char ReadHex4()
    {
        var value = 0;
        for (var i = 0; i < 4; i++)
        {
            if (_pos >= _text.Length || !char.IsAsciiHexDigit(_text[_pos]))
            {
                throw Error(_line, _column, "expected hex digit in \\u escape, found " + DescribeChar(_pos));
            }

            value = (value * 16) + int.Parse(_text.AsSpan(_pos, 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            Advance();
        }

        return (char)value;
    }

    private Token ReadTripleQuoted(int line, int column)
    {
        Advance();
        Advance();
        Advance();
        var builder = new StringBuilder();
        var runStart = _pos;
        while (true)
        {
            if (_pos >= _text.Length)
            {
                throw Error(
                    _line,
                    _column,
                    string.Create(CultureInfo.InvariantCulture, $"expected '\"\"\"' to close multi-line string started at {line}:{column}, found end of input"));
            }

            if (_text[_pos] != '"')
            {
                Advance();
                continue;
            }

            var quotesStart = _pos;
            while (_pos < _text.Length && _text[_pos] == '"')
            {
                Advance();
            }

            if (_pos - quotesStart >= 3)
            {
                // Extra quotes before the closing three belong to the string.
                builder.Append(_text, runStart, _pos - 3 - runStart);
                return new Token(TokenKind.QuotedString, builder.ToString(), line, column);
            }
        }
    }

    private Token ReadSubstitution(int line, int column)
    {
        var start = _pos;
        if (Peek(1) != '{')
        {
            Advance();
            throw Error(_line, _column, "expected '{' after '$', found " + DescribeChar(_pos));
        }

        Advance();
        Advance();
        var optional = false;
        if (_pos < _text.Length && _text[_pos] == '?')
        {
            optional = true;
            Advance();
        }

        var segments = new List<string>();
        var current = new StringBuilder();
        var hasContent = false;
        var pendingWhitespace = string.Empty;
        while (true)
        {
            if (_pos >= _text.Length || _text[_pos] == '\n')
            {
                throw Error(_line, _column, "expected '}' to close substitution, found " + DescribeChar(_pos));
            }

            var c = _text[_pos];
            if (c == '}')
            {
                if (!hasContent)
                {
                    throw Error(_line, _column, segments.Count == 0 ? "expected path in substitution, found '}'" : "expected path segment after '.', found '}'");
                }

                segments.Add(current.ToString());
                Advance();
                break;
            }

            if (IsWhitespace(c))
            {
                var wsStart = _pos;
                while (_pos < _text.Length && IsWhitespace(_text[_pos]))
                {
                    Advance();
                }

                // Whitespace inside a segment is kept; at the edges of the expression it is dropped.
                pendingWhitespace = hasContent ? _text[wsStart.._pos] : string.Empty;
                continue;
            }

            if (c == '.')
            {
                if (!hasContent)
                {
                    throw Error(_line, _column, "expected path segment before '.', found '.'");
                }

                segments.Add(current.ToString());
                current.Clear();
                hasContent = false;
                pendingWhitespace = string.Empty;
                Advance();
                continue;
            }

            current.Append(pendingWhitespace);
            pendingWhitespace = string.Empty;
            if (c == '"')
            {
                current.Append(ReadQuotedBody());
                hasContent = true;
                continue;
            }

            if (IsForbidden(c))
            {
                throw Error(_line, _column, "expected '}' to close substitution, found " + DescribeChar(_pos));
            }

            current.Append(c);
            hasContent = true;
            Advance();
        }

        return new Token(TokenKind.Substitution, _text[start.._pos], line, column)
        {
            Path = new HoconPath([.. segments]),
            Optional = optional,
        };
    }

    private string DescribeChar(int pos)
    {
        if (pos >= _text.Length)
        {
            return "end of input";
        }

        var c = _text[pos];
        if (c == '\n')
        {
            return "newline";
        }

        return char.IsControl(c) || char.IsSurrogate(c)
            ? string.Create(CultureInfo.InvariantCulture, $"U+{(int)c:X4}")
            : "'" + c + "'";
    }

    private HoconParseException Error(int line, int column, string reason) => new(_source, line, column, reason);
}
