namespace ActorEcho.Configuration.Tests;

public class SyntaxTests
{
    [Fact]
    public void Parse_RootWithoutBraces_ReadsFields()
    {
        var root = Hocon.Parse("a = 1\nb = two");

        Assert.Equal("1", root.Text("a"));
        Assert.Equal("two", root.Text("b"));
    }

    [Fact]
    public void Parse_RootWithBraces_ReadsFields()
    {
        var root = Hocon.Parse("{ a = 1, b = two }\n");

        Assert.Equal(["a", "b"], root.Keys);
    }

    [Fact]
    public void Parse_EmptyDocument_IsEmptyObject()
    {
        Assert.Equal(0, Hocon.Parse("  \n # only a comment\n").Count);
    }

    [Fact]
    public void Parse_EqualsColonAndBrace_AllSeparateKeyFromValue()
    {
        var root = Hocon.Parse("a = 1\nb : 2\nc { d = 3 }\ne={f=4}");

        Assert.Equal("1", root.Text("a"));
        Assert.Equal("2", root.Text("b"));
        Assert.Equal("3", root.Text("c.d"));
        Assert.Equal("4", root.Text("e.f"));
    }

    [Fact]
    public void Parse_CommasAndNewlines_SeparateFieldsAndTrailingCommaIsAllowed()
    {
        var root = Hocon.Parse("a = 1, b = 2\nc = 3,\nd { x = 1, y = 2, }\n");

        Assert.Equal(["a", "b", "c", "d"], root.Keys);
        Assert.Equal(2, ((HoconObject)root.Get("d")).Count);
    }

    [Fact]
    public void Parse_ArrayWithNewlinesAndTrailingComma_ReadsElements()
    {
        var root = Hocon.Parse("a = [\n  1,\n  2\n  3,\n]");

        Assert.Equal(["1", "2", "3"], root.Texts("a"));
    }

    [Fact]
    public void Parse_DoubleComma_IsError()
    {
        var error = Hocon.Error("a = 1,, b = 2");

        Assert.Equal("<string>:1:7: expected a key, found ','", error.Message);
    }

    [Fact]
    public void Parse_PathKey_CreatesNestedObjects()
    {
        var root = Hocon.Parse("a.b.c = 1");

        Assert.Equal(HoconValueKind.Object, root.Kind("a.b"));
        Assert.Equal("1", root.Text("a.b.c"));
    }

    [Fact]
    public void Parse_QuotedKeySegment_KeepsDots()
    {
        var root = Hocon.Parse("\"a.b\" = 1\nx.\"y.z\".w = 2");

        Assert.True(root.TryGetValue("a.b", out var value));
        Assert.Equal("1", ((HoconScalar)value).Text);
        Assert.Equal("2", root.Text("x.\"y.z\".w"));
        Assert.Null(root.Find("a.b"));
    }

    [Fact]
    public void Parse_KeyWithInnerWhitespace_KeepsIt()
    {
        var root = Hocon.Parse("a  b = 1\n\"x\" y = 2");

        Assert.True(root.TryGetValue("a  b", out _));
        Assert.True(root.TryGetValue("x y", out _));
    }

    [Fact]
    public void Parse_NumberLikeKey_SplitsOnDot()
    {
        var root = Hocon.Parse("10.5 = x");

        Assert.Equal("x", root.Text("\"10\".\"5\""));
    }

    [Fact]
    public void Parse_KeyNamedInclude_IsOrdinaryKeyWhenFollowedBySeparator()
    {
        var root = Hocon.Parse("include = 5");

        Assert.Equal("5", root.Text("include"));
    }

    [Fact]
    public void Parse_ArrayAtRoot_IsError()
    {
        Assert.Equal("<string>:1:1: expected an object at the root of the document, found '['", Hocon.Error("[1]").Message);
    }

    [Fact]
    public void Parse_TextAfterBracedRoot_IsError()
    {
        Assert.Equal("<string>:1:10: expected end of input after the root object, found 'b'", Hocon.Error("{ a = 1 }b").Message);
    }

    [Fact]
    public void Parse_CrLfLineEndings_AreNewlines()
    {
        var root = Hocon.Parse("a = 1\r\nb = \"x\"\r\n");

        Assert.Equal("1", root.Text("a"));
        Assert.Equal("x", root.Text("b"));
    }

    [Theory]
    [InlineData("a..b")]
    [InlineData("a}b")]
    [InlineData("")]
    public void Find_InvalidPathExpression_ThrowsArgumentException(string path)
    {
        Assert.Throws<ArgumentException>(() => Hocon.Parse("a = 1").Find(path));
    }
}
