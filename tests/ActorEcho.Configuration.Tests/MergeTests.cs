namespace ActorEcho.Configuration.Tests;

public class MergeTests
{
    [Fact]
    public void Parse_DuplicateObjectKeys_MergeFields()
    {
        var root = Hocon.Parse("a { x = 1 }\na { y = 2 }");

        Assert.Equal("1", root.Text("a.x"));
        Assert.Equal("2", root.Text("a.y"));
    }

    [Fact]
    public void Parse_NestedDuplicateObjects_MergeDeeply()
    {
        var root = Hocon.Parse("a { b { c = 1, d = 2 } }\na { b { c = 3 } }");

        Assert.Equal("3", root.Text("a.b.c"));
        Assert.Equal("2", root.Text("a.b.d"));
    }

    [Fact]
    public void Parse_DuplicateScalarKeys_LastWins()
    {
        var root = Hocon.Parse("a = 1\na = 2\na = three");

        Assert.Equal("three", root.Text("a"));
    }

    [Fact]
    public void Parse_ObjectAfterScalar_ReplacesScalar()
    {
        var root = Hocon.Parse("a = 1\na { b = 2 }");

        Assert.Equal(HoconValueKind.Object, root.Kind("a"));
        Assert.Equal("2", root.Text("a.b"));
    }

    [Fact]
    public void Parse_ScalarAfterObject_ReplacesObject()
    {
        var root = Hocon.Parse("a { b = 2 }\na = 1");

        Assert.Equal("1", root.Text("a"));
    }

    [Fact]
    public void Parse_ObjectAfterScalarAfterObject_DropsTheFirstObject()
    {
        var root = Hocon.Parse("a { x = 1 }\na = 1\na { y = 2 }");

        Assert.Null(root.Find("a.x"));
        Assert.Equal("2", root.Text("a.y"));
    }

    [Fact]
    public void Parse_PathKeyIntoExistingObject_Merges()
    {
        var root = Hocon.Parse("a { b = 1 }\na.c = 2\na.b = 3");

        Assert.Equal("3", root.Text("a.b"));
        Assert.Equal("2", root.Text("a.c"));
    }

    [Fact]
    public void Parse_NullAfterObject_ReplacesObject()
    {
        var root = Hocon.Parse("a { b = 1 }\na = null");

        Assert.Equal(HoconValueKind.Null, root.Kind("a"));
    }

    [Fact]
    public void Parse_ArrayAfterArray_Replaces()
    {
        var root = Hocon.Parse("a = [1, 2]\na = [3]");

        Assert.Equal(["3"], root.Texts("a"));
    }

    [Fact]
    public void Parse_FieldOrder_KeepsFirstDefinition()
    {
        var root = Hocon.Parse("b = 1\na = 2\nb = 3");

        Assert.Equal(["b", "a"], root.Keys);
    }
}
