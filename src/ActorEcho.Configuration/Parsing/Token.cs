namespace ActorEcho.Configuration.Parsing;

/// <summary>One lexical token with its 1-based start position.</summary>
internal readonly record struct Token(TokenKind Kind, string Text, int Line, int Column)
{
    /// <summary>Gets the path of a substitution token.</summary>
    public HoconPath? Path { get; init; }

    /// <summary>Gets whether a substitution token is optional (<c>${?x}</c>).</summary>
    public bool Optional { get; init; }

    /// <summary>Describes the token for "found X" in error messages.</summary>
    public string Describe() => Kind switch
    {
        TokenKind.End => "end of input",
        TokenKind.Newline => "newline",
        TokenKind.Whitespace => "whitespace",
        TokenKind.Comma => "','",
        TokenKind.Equals => "'='",
        TokenKind.Colon => "':'",
        TokenKind.PlusEquals => "'+='",
        TokenKind.OpenBrace => "'{'",
        TokenKind.CloseBrace => "'}'",
        TokenKind.OpenBracket => "'['",
        TokenKind.CloseBracket => "']'",
        TokenKind.QuotedString => "string " + Shorten(Text, quote: true),
        TokenKind.Substitution => "'" + Shorten(Text, quote: false) + "'",
        _ => "'" + Shorten(Text, quote: false) + "'",
    };

    private static string Shorten(string text, bool quote)
    {
        var shown = text.Length > 40 ? text[..40] + "..." : text;
        if (!quote)
        {
            return shown;
        }

        var builder = new System.Text.StringBuilder();
        HoconStringWriter.WriteQuoted(builder, shown);
        return builder.ToString();
    }
}
