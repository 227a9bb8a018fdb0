namespace ActorEcho.Configuration.Parsing;

/// <summary>Kinds of lexical tokens; whitespace and newlines are tokens because HOCON gives them meaning.</summary>
internal enum TokenKind
{
    End,
    Newline,
    Whitespace,
    Comma,
    Equals,
    Colon,
    PlusEquals,
    OpenBrace,
    CloseBrace,
    OpenBracket,
    CloseBracket,
    QuotedString,
    Unquoted,
    Substitution,
}
