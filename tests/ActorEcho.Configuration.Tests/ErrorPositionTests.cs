namespace ActorEcho.Configuration.Tests;

public class ErrorPositionTests
{
    [Fact]
    public void Error_KeyWithoutSeparator_ReportsExactPositionAndToken()
    {
        const string text = "actorecho {\n  io {\n    tcp { port }\n  }\n}\n";

        var error = Hocon.Error(text, "actorecho.conf");

        Assert.Equal("actorecho.conf:3:16: expected '=' or ':' or '{' after key 'port', found '}'", error.Message);
        Assert.Equal("actorecho.conf", error.SourceName);
        Assert.Equal(3, error.Line);
        Assert.Equal(16, error.Column);
        Assert.IsAssignableFrom<FormatException>(error);
    }

    [Fact]
    public void Error_WithoutSourceName_UsesStringPlaceholder()
    {
        var error = Assert.Throws<HoconParseException>(() => HoconParser.Parse("a = 1\nb"));

        Assert.Equal("<string>:2:2: expected '=' or ':' or '{' after key 'b', found end of input", error.Message);
    }

    [Fact]
    public void Error_KeyFollowedByNewline_ReportsNewline()
    {
        Assert.Equal("<string>:1:5: expected '=' or ':' or '{' after key 'port', found newline", Hocon.Error("port\n= 1").Message);
    }

    [Fact]
    public void Error_MissingValue_ReportsFoundToken()
    {
        Assert.Equal("<string>:2:1: expected a value for key 'a', found '}'", Hocon.Error("x { a =\n}").Message);
    }

    [Fact]
    public void Error_UnclosedObject_ReportsEndOfInputAndOpeningPosition()
    {
        var error = Hocon.Error("a {\n  b = 1\n");

        Assert.Equal("<string>:3:1: expected '}' to close object opened at 1:3, found end of input", error.Message);
    }

    [Fact]
    public void Error_UnclosedArray_ReportsOpeningPosition()
    {
        Assert.Equal("<string>:1:10: expected ']' to close array opened at 1:5, found end of input", Hocon.Error("a = [1, 2").Message);
    }

    [Fact]
    public void Error_TwoValuesOnOneLineSeparatedByEquals_ReportsSecondEquals()
    {
        Assert.Equal("<string>:1:9: expected ',' or newline after value, found '='", Hocon.Error("a = 1 b = 2").Message);
    }

    [Fact]
    public void Error_ReservedCharacterAtKeyPosition_ReportsIt()
    {
        Assert.Equal("<string>:2:3: expected a key, value or separator, found reserved character '@'", Hocon.Error("a = 1\n  @x = 2").Message);
    }

    [Fact]
    public void Error_LonePlus_ReportsMissingEquals()
    {
        Assert.Equal("<string>:1:4: expected '=' after '+', found ' '", Hocon.Error("a + 1").Message);
    }

    [Fact]
    public void Error_DollarWithoutBrace_IsReported()
    {
        Assert.Equal("<string>:1:6: expected '{' after '$', found 'x'", Hocon.Error("a = $x").Message);
    }

    [Fact]
    public void Error_UnclosedSubstitution_IsReported()
    {
        Assert.Equal("<string>:1:10: expected '}' to close substitution, found newline", Hocon.Error("a = ${b.c\n").Message);
    }

    [Fact]
    public void Error_EmptyPathSegment_IsReported()
    {
        Assert.Equal("<string>:1:1: expected a key segment before '.', found 'a..b'", Hocon.Error("a..b = 1").Message);
    }

    [Fact]
    public void Error_PositionsAfterTabsAndMultilineStrings_CountCharacters()
    {
        var error = Hocon.Error("s = \"\"\"one\ntwo\"\"\"\n\tx ] 1");

        Assert.Equal(3, error.Line);
        Assert.Equal(4, error.Column);
    }

    [Theory]
    [InlineData("[")]
    [InlineData("{a:")]
    [InlineData("{ a = [")]
    public void Error_HundredThousandOpenBrackets_IsNestingTooDeep(string open)
    {
        var text = "a = " + string.Concat(Enumerable.Repeat(open, 100_000));

        var error = Hocon.Error(text);

        Assert.Contains("nesting too deep", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Error_DeepPathKeyNestingThroughObjects_IsNestingTooDeep()
    {
        var text = string.Concat(Enumerable.Repeat("a {", 20_000));

        Assert.Contains("nesting too deep", Hocon.Error(text).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NestingJustUnderLimit_Succeeds()
    {
        var text = "a = " + new string('[', 500) + new string(']', 500);

        Assert.Equal(HoconValueKind.Array, Hocon.Parse(text).Kind("a"));
    }
}
