using ActorEcho.Compare.Report;

namespace ActorEcho.Compare.Tests;

public sealed class DocSectionTests
{
    [Fact]
    public void Replace_NoMarkers_AppendsSectionAndKeepsDocument()
    {
        var result = DocSection.Replace("# Title\n\ntext\n", "## New\n");

        Assert.Equal("# Title\n\ntext\n\n<!-- compare:begin -->\n## New\n<!-- compare:end -->\n", result);
    }

    [Fact]
    public void Replace_WithMarkers_ReplacesOnlyBetweenThem()
    {
        const string doc = "before\n<!-- compare:begin -->\nold\n<!-- compare:end -->\nafter\n";

        Assert.Equal("before\n<!-- compare:begin -->\nnew\n<!-- compare:end -->\nafter\n", DocSection.Replace(doc, "new"));
    }

    [Fact]
    public void Replace_Twice_IsIdempotent()
    {
        var once = DocSection.Replace("# T\n", "body\n");

        Assert.Equal(once, DocSection.Replace(once, "body\n"));
    }

    [Theory]
    [InlineData("x\n<!-- compare:begin -->\nold\n")]
    [InlineData("x\n<!-- compare:end -->\nold\n<!-- compare:begin -->\n")]
    public void Replace_BrokenMarkers_Throws(string doc) =>
        Assert.Throws<InvalidOperationException>(() => DocSection.Replace(doc, "new"));

    [Fact]
    public void Replace_OtherMarkers_ReplacesOnlyTheirSection()
    {
        const string doc = "a\n<!-- compare:begin -->\nc\n<!-- compare:end -->\n<!-- soak:begin -->\nold\n<!-- soak:end -->\nz\n";

        var replaced = DocSection.Replace(doc, "new", "<!-- soak:begin -->", "<!-- soak:end -->");

        Assert.Equal("a\n<!-- compare:begin -->\nc\n<!-- compare:end -->\n<!-- soak:begin -->\nnew\n<!-- soak:end -->\nz\n", replaced);
    }
}
