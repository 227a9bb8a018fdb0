namespace ActorEcho.Configuration.Tests;

public sealed class IncludeTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Include_RelativePaths_ResolveAgainstTheIncludingFile()
    {
        var main = _dir.Write("main.conf", "include \"sub/a.conf\"\nmain = yes");
        _dir.Write("sub/a.conf", "a = 1\ninclude \"b.conf\"");
        _dir.Write("sub/b.conf", "b = 2");

        var root = HoconParser.ParseFile(main);

        Assert.Equal("1", root.Text("a"));
        Assert.Equal("2", root.Text("b"));
        Assert.Equal("yes", root.Text("main"));
    }

    [Fact]
    public void Include_FileAndRequiredForms_AreRead()
    {
        var main = _dir.Write("main.conf", "include file(\"one.conf\")\ninclude required(\"two.conf\")\ninclude required( file(\"three.conf\") )");
        _dir.Write("one.conf", "one = 1");
        _dir.Write("two.conf", "two = 2");
        _dir.Write("three.conf", "three = 3");

        var root = HoconParser.ParseFile(main);

        Assert.Equal(["one", "two", "three"], root.Keys);
    }

    [Fact]
    public void Include_MissingFile_IsSilentlyIgnored()
    {
        var main = _dir.Write("main.conf", "a = 1\ninclude \"missing.conf\"\ninclude file(\"missing2.conf\")\nb = 2");

        var root = HoconParser.ParseFile(main);

        Assert.Equal(["a", "b"], root.Keys);
    }

    [Fact]
    public void Include_RequiredMissingFile_NamesPathAndIncludePosition()
    {
        var main = _dir.Write("main.conf", "a = 1\n  include required(\"missing.conf\")");

        var error = Assert.Throws<HoconParseException>(() => HoconParser.ParseFile(main));

        Assert.StartsWith(main + ":2:3: required include 'missing.conf' not found", error.Message, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(_dir.FullPath, "missing.conf"), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Include_WithoutExtension_FindsConfFile()
    {
        var main = _dir.Write("main.conf", "include \"extra\"");
        _dir.Write("extra.conf", "x = 1");

        Assert.Equal("1", HoconParser.ParseFile(main).Text("x"));
    }

    [Fact]
    public void Include_InsideObject_PlacesContentUnderThatKey()
    {
        var main = _dir.Write("main.conf", "outer { inner { include \"part.conf\" } }");
        _dir.Write("part.conf", "a = 1\nnested { include \"deeper.conf\" }");
        _dir.Write("deeper.conf", "b = 2");

        var root = HoconParser.ParseFile(main);

        Assert.Equal("1", root.Text("outer.inner.a"));
        Assert.Equal("2", root.Text("outer.inner.nested.b"));
        Assert.Null(root.Find("a"));
    }

    [Fact]
    public void Include_MergesAtPointOfInclusion_LaterFieldsWin()
    {
        var main = _dir.Write("main.conf", "a = before\nobj { x = 0, keep = 1 }\ninclude \"inc.conf\"\nb = after");
        _dir.Write("inc.conf", "a = included\nb = included\nobj { x = 2 }");

        var root = HoconParser.ParseFile(main);

        Assert.Equal("included", root.Text("a"));
        Assert.Equal("after", root.Text("b"));
        Assert.Equal("2", root.Text("obj.x"));
        Assert.Equal("1", root.Text("obj.keep"));
    }

    [Fact]
    public void Include_SubstitutionInNestedInclude_IsRelativeToIncludeLocation()
    {
        var main = _dir.Write("main.conf", "top = 9\nsection { include \"inc.conf\" }");
        _dir.Write("inc.conf", "b = 1\nc = ${b}\nd = ${top}");

        var root = HoconParser.ParseFile(main);

        Assert.Equal("1", root.Text("section.c"));
        Assert.Equal("9", root.Text("section.d"));
    }

    [Fact]
    public void Include_Cycle_IsReported()
    {
        var main = _dir.Write("a.conf", "include \"b.conf\"");
        _dir.Write("b.conf", "include \"a.conf\"");

        var error = Assert.Throws<HoconParseException>(() => HoconParser.ParseFile(main));

        Assert.Contains("include cycle", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Include_SyntaxErrorInIncludedFile_ReportsThatFileAndLine()
    {
        var main = _dir.Write("main.conf", "include \"bad.conf\"");
        _dir.Write("bad.conf", "ok = 1\nbroken ] 2");

        var error = Assert.Throws<HoconParseException>(() => HoconParser.ParseFile(main));

        Assert.Equal(Path.Combine(_dir.FullPath, "bad.conf"), error.SourceName);
        Assert.Equal(2, error.Line);
        Assert.Equal(8, error.Column);
    }

    [Fact]
    public void Include_UnsupportedKind_IsError()
    {
        var error = Hocon.Error("include url(\"http://example.com/x.conf\")");

        Assert.Equal("<string>:1:9: expected include \"name\", file(\"name\") or required(\"name\"), found 'url('", error.Message);
    }
}
