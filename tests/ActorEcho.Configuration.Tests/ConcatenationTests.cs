namespace ActorEcho.Configuration.Tests;

public class ConcatenationTests
{
    [Fact]
    public void Concat_UnquotedWords_KeepInnerWhitespace()
    {
        Assert.Equal("foo   bar baz", Hocon.Parse("a = foo   bar baz").Text("a"));
    }

    [Fact]
    public void Concat_QuotedAndUnquoted_JoinWithWhitespaceBetween()
    {
        Assert.Equal("foo bar\tbaz", Hocon.Parse("a = \"foo\" bar\t\"baz\"").Text("a"));
    }

    [Fact]
    public void Concat_NumberAndUnit_IsString()
    {
        var root = Hocon.Parse("a = 10 seconds\nb = true false");

        Assert.Equal("10 seconds", root.Text("a"));
        Assert.Equal(HoconValueKind.String, root.Kind("a"));
        Assert.Equal(HoconValueKind.String, root.Kind("b"));
    }

    [Fact]
    public void Concat_TrailingWhitespaceAndComment_AreDropped()
    {
        Assert.Equal("foo bar", Hocon.Parse("a = foo bar    # note\n").Text("a"));
    }

    [Fact]
    public void Concat_Arrays_AreJoined()
    {
        Assert.Equal(["1", "2", "3"], Hocon.Parse("a = [1] [2, 3]").Texts("a"));
    }

    [Fact]
    public void Concat_ArraysThroughSubstitution_AreJoined()
    {
        Assert.Equal(["1", "2"], Hocon.Parse("x = [1]\na = ${x} [2]").Texts("a"));
    }

    [Fact]
    public void Concat_Objects_AreMerged()
    {
        var root = Hocon.Parse("a = { x = 1, z = 1 } { y = 2, z = 2 }");

        Assert.Equal("1", root.Text("a.x"));
        Assert.Equal("2", root.Text("a.y"));
        Assert.Equal("2", root.Text("a.z"));
    }

    [Fact]
    public void Concat_ArrayWithString_IsErrorAtTheString()
    {
        var error = Hocon.Error("a = [1] foo");

        Assert.Equal("<string>:1:9: cannot concatenate an array with the string 'foo'", error.Message);
    }

    [Fact]
    public void Concat_ObjectWithArray_IsError()
    {
        var error = Hocon.Error("a = { x = 1 } [1]");

        Assert.Contains("cannot concatenate an object with an array", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Concat_ValuesOnDifferentLines_AreSeparateFields()
    {
        var root = Hocon.Parse("a = foo\nb = bar");

        Assert.Equal("foo", root.Text("a"));
        Assert.Equal("bar", root.Text("b"));
    }
}
