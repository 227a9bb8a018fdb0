namespace ActorEcho.Configuration.Tests;

public class StringTests
{
    [Fact]
    public void QuotedString_JsonEscapes_AreDecoded()
    {
        var root = Hocon.Parse("""a = "q\" b\\ s\/ \b\f\n\r\t \u0041\u00e9" """);

        Assert.Equal("q\" b\\ s/ \b\f\n\r\t A\u00e9", root.Text("a"));
    }

    [Fact]
    public void QuotedString_UnknownEscape_IsErrorAtEscapedCharacter()
    {
        var error = Hocon.Error("a = \"x\\q\"");

        Assert.Equal("<string>:1:8: expected escape character (\" \\ / b f n r t u) after '\\', found 'q'", error.Message);
    }

    [Fact]
    public void QuotedString_BadUnicodeEscape_IsError()
    {
        var error = Hocon.Error("a = \"\\u12G4\"");

        Assert.Equal("<string>:1:10: expected hex digit in \\u escape, found 'G'", error.Message);
    }

    [Fact]
    public void QuotedString_Unterminated_IsErrorAtEndOfLine()
    {
        var error = Hocon.Error("a = \"abc\nb = 1");

        Assert.Equal("<string>:1:9: expected '\"' to close string, found newline", error.Message);
    }

    [Fact]
    public void QuotedString_KeepsCommentMarkersAndReservedCharacters()
    {
        var root = Hocon.Parse("a = \"# not a comment // nor this ${x} {}[]=:,\"");

        Assert.Equal("# not a comment // nor this ${x} {}[]=:,", root.Text("a"));
    }

    [Fact]
    public void TripleQuotedString_KeepsNewlinesQuotesAndBackslashes()
    {
        var root = Hocon.Parse("a = \"\"\"line one\n  \"two\" \\n raw\"\"\"\nb = 1");

        Assert.Equal("line one\n  \"two\" \\n raw", root.Text("a"));
        Assert.Equal("1", root.Text("b"));
    }

    [Fact]
    public void TripleQuotedString_ExtraClosingQuotes_BelongToString()
    {
        Assert.Equal("x\"\"", Hocon.Parse("a = \"\"\"x\"\"\"\"\"").Text("a"));
    }

    [Fact]
    public void TripleQuotedString_Unterminated_IsError()
    {
        var error = Hocon.Error("a = \"\"\"abc\n");

        Assert.Equal("<string>:2:1: expected '\"\"\"' to close multi-line string started at 1:5, found end of input", error.Message);
    }

    [Theory]
    [InlineData('`')]
    [InlineData('^')]
    [InlineData('?')]
    [InlineData('!')]
    [InlineData('@')]
    [InlineData('*')]
    [InlineData('&')]
    [InlineData('\\')]
    public void UnquotedString_ReservedCharacter_IsRejectedWhereItStands(char reserved)
    {
        var error = Hocon.Error($"a = foo{reserved}bar");

        Assert.Equal($"<string>:1:8: expected a key, value or separator, found reserved character '{reserved}'", error.Message);
    }

    [Theory]
    [InlineData('=')]
    [InlineData(':')]
    public void UnquotedString_SeparatorCharacter_EndsTheValue(char separator)
    {
        var error = Hocon.Error($"a = foo{separator}bar");

        Assert.Equal($"<string>:1:8: expected ',' or newline after value, found '{separator}'", error.Message);
    }

    [Fact]
    public void UnquotedString_PlusWithoutEquals_IsRejected()
    {
        Assert.Equal("<string>:1:9: expected '=' after '+', found 'b'", Hocon.Error("a = foo+bar").Message);
    }

    [Fact]
    public void UnquotedString_FollowedByQuotedOrSubstitution_Concatenates()
    {
        var root = Hocon.Parse("x = X\na = foo\"bar\"${x}baz");

        Assert.Equal("foobarXbaz", root.Text("a"));
    }

    [Fact]
    public void UnquotedString_HashEndsValueAsComment()
    {
        Assert.Equal("foo", Hocon.Parse("a = foo#bar").Text("a"));
    }

    [Fact]
    public void UnquotedString_DoubleSlashStartsComment()
    {
        Assert.Equal("foo", Hocon.Parse("a = foo//bar").Text("a"));
    }

    [Fact]
    public void UnquotedString_SingleSlashDotsAndDashes_AreText()
    {
        var root = Hocon.Parse("a = some/path\nb = 127.0.0.1\nc = drop-oldest");

        Assert.Equal("some/path", root.Text("a"));
        Assert.Equal("127.0.0.1", root.Text("b"));
        Assert.Equal("drop-oldest", root.Text("c"));
    }
}
