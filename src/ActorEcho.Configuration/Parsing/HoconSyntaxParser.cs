using System.Globalization;
using System.Text;
using ActorEcho.Configuration.Parsing.Nodes;

namespace ActorEcho.Configuration.Parsing;

/// <summary>
/// Recursive-descent parser from tokens to raw nodes. Includes are read here (their content becomes a raw item);
/// merging and substitutions happen later in <see cref="HoconTreeBuilder"/> and <see cref="HoconResolver"/>.
/// </summary>
internal sealed class HoconSyntaxParser
{
    /// <summary>Deepest allowed nesting of objects, arrays and includes; deeper input is reported, not crashed on.</summary>
    public const int MaxDepth = 512;

    private readonly HoconLexer _lexer;
    private readonly string _source;
    private readonly string? _baseDirectory;
    private readonly HoconIncludeResolver _includes;
    private Token _token;
    private int _depth;

    public HoconSyntaxParser(string text, string source, string? baseDirectory, HoconIncludeResolver includes, int depth)
    {
        _lexer = new HoconLexer(text, source);
        _source = source;
        _baseDirectory = baseDirectory;
        _includes = includes;
        _depth = depth;
        _token = _lexer.Next();
    }

    public RawObjectNode ParseDocument()
    {
        SkipBlank();
        if (_token.Kind == TokenKind.OpenBrace)
        {
            var open = _token;
            Advance();
            var braced = ParseObjectBody(open);
            SkipBlank();
            if (_token.Kind != TokenKind.End)
            {
                throw Error(_token, "expected end of input after the root object, found " + _token.Describe());
            }

            return braced;
        }

        if (_token.Kind == TokenKind.OpenBracket)
        {
            throw Error(_token, "expected an object at the root of the document, found '['");
        }

        return ParseObjectBody(null);
    }

    private void Advance() => _token = _lexer.Next();

    private void SkipBlank()
    {
        while (_token.Kind is TokenKind.Whitespace or TokenKind.Newline)
        {
            Advance();
        }
    }

    private void SkipWhitespace()
    {
        while (_token.Kind == TokenKind.Whitespace)
        {
            Advance();
        }
    }

    private HoconPosition PositionOf(Token token) => new(_source, token.Line, token.Column);

    private HoconParseException Error(Token token, string reason) => new(PositionOf(token), reason);

    private void Enter(Token at)
    {
        if (++_depth > MaxDepth)
        {
            throw Error(at, string.Create(CultureInfo.InvariantCulture, $"nesting too deep (more than {MaxDepth} levels)"));
        }
    }

    /// <summary>Parses fields until '}' (when <paramref name="open"/> is set) or end of input (root without braces).</summary>
    private RawObjectNode ParseObjectBody(Token? open)
    {
        var start = open ?? _token;
        Enter(start);
        var obj = new RawObjectNode(PositionOf(start));
        SkipBlank();
        while (true)
        {
            if (_token.Kind == TokenKind.CloseBrace)
            {
                if (open is null)
                {
                    throw Error(_token, "expected a key, found '}'");
                }

                Advance();
                break;
            }

            if (_token.Kind == TokenKind.End)
            {
                if (open is { } o)
                {
                    throw Error(_token, string.Create(CultureInfo.InvariantCulture, $"expected '}}' to close object opened at {o.Line}:{o.Column}, found end of input"));
                }

                break;
            }

            ParseItem(obj);
            SkipWhitespace();
            switch (_token.Kind)
            {
                case TokenKind.Comma:
                    Advance();
                    SkipBlank();
                    break;
                case TokenKind.Newline:
                    SkipBlank();
                    break;
                case TokenKind.CloseBrace:
                case TokenKind.End:
                    break;
                default:
                    throw Error(_token, (open is null ? "expected ',' or newline after value, found " : "expected ',' or newline or '}' after value, found ") + _token.Describe());
            }
        }

        _depth--;
        return obj;
    }

    private void ParseItem(RawObjectNode obj)
    {
        if (_token.Kind == TokenKind.Unquoted && _token.Text == "include" && IsIncludeAhead())
        {
            ParseInclude(obj);
            return;
        }

        var keyToken = _token;
        var path = ParseKey();
        SkipWhitespace();
        var separator = _token;
        var append = false;
        switch (separator.Kind)
        {
            case TokenKind.Equals:
            case TokenKind.Colon:
                Advance();
                SkipBlank();
                break;
            case TokenKind.PlusEquals:
                append = true;
                Advance();
                SkipBlank();
                break;
            case TokenKind.OpenBrace:
                break;
            default:
                throw Error(separator, $"expected '=' or ':' or '{{' after key '{path}', found {separator.Describe()}");
        }

        var value = ParseValue($"for key '{path}'");
        obj.Items.Add(new RawItem(path, value, append, PositionOf(keyToken)));
    }

    private HoconPath ParseKey()
    {
        if (_token.Kind is not (TokenKind.QuotedString or TokenKind.Unquoted))
        {
            throw Error(_token, "expected a key, found " + _token.Describe());
        }

        var segments = new List<string>();
        var current = new StringBuilder();
        var hasContent = false;
        string? pendingWhitespace = null;
        while (true)
        {
            var token = _token;
            if (token.Kind == TokenKind.Whitespace)
            {
                pendingWhitespace = token.Text;
                Advance();
                continue;
            }

            if (token.Kind is not (TokenKind.QuotedString or TokenKind.Unquoted))
            {
                break;
            }

            if (pendingWhitespace is not null)
            {
                current.Append(pendingWhitespace);
                pendingWhitespace = null;
            }

            if (token.Kind == TokenKind.QuotedString)
            {
                current.Append(token.Text);
                hasContent = true;
            }
            else
            {
                var text = token.Text;
                var partStart = 0;
                for (var i = 0; i <= text.Length; i++)
                {
                    if (i < text.Length && text[i] != '.')
                    {
                        continue;
                    }

                    if (i > partStart)
                    {
                        current.Append(text, partStart, i - partStart);
                        hasContent = true;
                    }

                    if (i < text.Length)
                    {
                        if (!hasContent)
                        {
                            throw Error(token, $"expected a key segment before '.', found '{text}'");
                        }

                        segments.Add(current.ToString());
                        current.Clear();
                        hasContent = false;
                    }

                    partStart = i + 1;
                }
            }

            Advance();
        }

        if (!hasContent)
        {
            throw Error(_token, "expected a key segment after '.', found " + _token.Describe());
        }

        segments.Add(current.ToString());
        return new HoconPath([.. segments]);
    }

    private Node ParseValue(string context)
    {
        var parts = new List<Node>();
        var first = _token;
        while (true)
        {
            var token = _token;
            switch (token.Kind)
            {
                case TokenKind.QuotedString:
                    parts.Add(new ScalarNode(new HoconScalar(HoconValueKind.String, token.Text, PositionOf(token)), PositionOf(token)));
                    Advance();
                    continue;
                case TokenKind.Unquoted:
                    parts.Add(new ScalarNode(new HoconScalar(HoconValueKind.String, token.Text, PositionOf(token)), PositionOf(token), isUnquoted: true));
                    Advance();
                    continue;
                case TokenKind.Substitution:
                    parts.Add(new SubstitutionNode(token.Path!, token.Optional, PositionOf(token), token.Text));
                    Advance();
                    continue;
                case TokenKind.Whitespace:
                    if (parts.Count > 0)
                    {
                        parts.Add(new ScalarNode(new HoconScalar(HoconValueKind.String, token.Text, PositionOf(token)), PositionOf(token), isWhitespace: true));
                    }

                    Advance();
                    continue;
                case TokenKind.OpenBrace:
                    Advance();
                    parts.Add(ParseObjectBody(token));
                    continue;
                case TokenKind.OpenBracket:
                    parts.Add(ParseArray());
                    continue;
                default:
                    break;
            }

            break;
        }

        while (parts.Count > 0 && parts[^1] is ScalarNode { IsWhitespace: true })
        {
            parts.RemoveAt(parts.Count - 1);
        }

        if (parts.Count == 0)
        {
            throw Error(_token, $"expected a value {context}, found {_token.Describe()}");
        }

        if (parts.Count == 1)
        {
            return parts[0] is ScalarNode { IsUnquoted: true } scalar ? Classify(scalar) : parts[0];
        }

        if (parts.TrueForAll(p => p is ScalarNode))
        {
            var text = new StringBuilder();
            foreach (var part in parts)
            {
                text.Append(((ScalarNode)part).Value.Text);
            }

            var position = PositionOf(first);
            return new ScalarNode(new HoconScalar(HoconValueKind.String, text.ToString(), position), position);
        }

        return new ConcatNode(parts[0].Position, parts);
    }

    private static ScalarNode Classify(ScalarNode scalar)
    {
        var text = scalar.Value.Text;
        HoconValueKind kind;
        if (text is "true" or "false")
        {
            kind = HoconValueKind.Boolean;
        }
        else if (text == "null")
        {
            kind = HoconValueKind.Null;
        }
        else if (HoconNumber.IsJsonNumber(text))
        {
            kind = HoconValueKind.Number;
        }
        else
        {
            return scalar;
        }

        return new ScalarNode(new HoconScalar(kind, text, scalar.Position), scalar.Position);
    }

    private ArrayNode ParseArray()
    {
        var open = _token;
        Enter(open);
        Advance();
        var array = new ArrayNode(PositionOf(open), []);
        SkipBlank();
        while (true)
        {
            switch (_token.Kind)
            {
                case TokenKind.CloseBracket:
                    Advance();
                    _depth--;
                    return array;
                case TokenKind.End:
                    throw Error(_token, string.Create(CultureInfo.InvariantCulture, $"expected ']' to close array opened at {open.Line}:{open.Column}, found end of input"));
                default:
                    break;
            }

            array.Items.Add(ParseValue("in array"));
            SkipWhitespace();
            switch (_token.Kind)
            {
                case TokenKind.Comma:
                    Advance();
                    SkipBlank();
                    break;
                case TokenKind.Newline:
                    SkipBlank();
                    break;
                case TokenKind.CloseBracket:
                case TokenKind.End:
                    break;
                default:
                    throw Error(_token, "expected ',' or newline or ']' after array element, found " + _token.Describe());
            }
        }
    }

    /// <summary>Looks past <c>include</c> to tell an include statement from a key named include.</summary>
    private bool IsIncludeAhead()
    {
        var saved = _lexer.Save();
        var savedToken = _token;
        try
        {
            Advance();
            SkipWhitespace();
            return _token.Kind == TokenKind.QuotedString
                || (_token.Kind == TokenKind.Unquoted && _token.Text.Contains('(', StringComparison.Ordinal));
        }
        catch (HoconParseException)
        {
            return false;
        }
        finally
        {
            _lexer.Restore(saved);
            _token = savedToken;
        }
    }

    private void ParseInclude(RawObjectNode obj)
    {
        var includeToken = _token;
        Advance();
        SkipWhitespace();
        var prefixToken = _token;
        var prefix = new StringBuilder();
        while (_token.Kind is TokenKind.Unquoted or TokenKind.Whitespace)
        {
            if (_token.Kind == TokenKind.Unquoted)
            {
                prefix.Append(_token.Text);
            }

            Advance();
        }

        if (_token.Kind != TokenKind.QuotedString)
        {
            throw Error(_token, "expected a quoted file name after include, found " + _token.Describe());
        }

        var nameToken = _token;
        Advance();
        var required = false;
        var opened = 0;
        switch (prefix.ToString())
        {
            case "":
                break;
            case "file(":
                opened = 1;
                break;
            case "required(":
                required = true;
                opened = 1;
                break;
            case "required(file(":
                required = true;
                opened = 2;
                break;
            default:
                throw Error(prefixToken, $"expected include \"name\", file(\"name\") or required(\"name\"), found '{prefix}'");
        }

        var suffixToken = _token;
        var suffix = new StringBuilder();
        while (_token.Kind is TokenKind.Unquoted or TokenKind.Whitespace)
        {
            if (_token.Kind == TokenKind.Unquoted)
            {
                suffix.Append(_token.Text);
            }

            Advance();
        }

        if (suffix.ToString() != new string(')', opened))
        {
            var found = suffix.Length == 0 ? _token.Describe() : $"'{suffix}'";
            throw Error(suffix.Length == 0 ? _token : suffixToken, $"expected '{new string(')', opened)}' after the include file name, found {found}");
        }

        var content = _includes.Include(nameToken.Text, required, PositionOf(includeToken), _baseDirectory, _source, _depth);
        if (content is not null)
        {
            obj.Items.Add(new RawItem(null, content, false, PositionOf(includeToken)));
        }
    }
}
