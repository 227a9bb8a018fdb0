using System.Globalization;
using System.Xml.Linq;
using ActorEcho.Compare.Report;

namespace ActorEcho.Compare.Tests;

public sealed class SvgBarChartTests
{
    private static readonly XNamespace s_svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void Render_IsWellFormedSvgWithTitleUnitAndLabels()
    {
        var doc = XDocument.Parse(SvgBarChart.Render("rr <64 B> & more", "operations/s", [new("actorecho", 100, "100", true), new("seed-fork", 50, "50")]));

        Assert.Equal(s_svg + "svg", doc.Root!.Name);
        var texts = doc.Descendants(s_svg + "text").Select(t => t.Value).ToArray();
        Assert.Equal(["rr <64 B> & more", "operations/s", "actorecho", "100", "seed-fork", "50"], texts);
    }

    [Fact]
    public void Render_BarLengthsAreProportionalToValues()
    {
        var doc = XDocument.Parse(SvgBarChart.Render("t", "u", [new("a", 200, "200", true), new("b", 50, "50"), new("c", 100, "100")]));

        var widths = doc.Descendants(s_svg + "rect").Skip(1).Select(r => double.Parse(r.Attribute("width")!.Value, CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal([SvgBarChart.PlotWidth, SvgBarChart.PlotWidth / 4.0, SvgBarChart.PlotWidth / 2.0], widths);
    }

    [Fact]
    public void Render_HighlightsOnlyTheChosenBar()
    {
        var doc = XDocument.Parse(SvgBarChart.Render("t", "u", [new("a", 1, "1", true), new("b", 2, "2")]));

        var fills = doc.Descendants(s_svg + "rect").Skip(1).Select(r => r.Attribute("fill")!.Value).ToArray();
        Assert.Equal(2, fills.Distinct().Count());
    }

    [Fact]
    public void Render_MissingValue_DrawsNoBarButKeepsItsText()
    {
        var doc = XDocument.Parse(SvgBarChart.Render("t", "u", [new("a", 10, "10"), new("b", null, "failed")]));

        Assert.Equal(2, doc.Descendants(s_svg + "rect").Count());
        Assert.Contains("failed", doc.Descendants(s_svg + "text").Select(t => t.Value));
    }

    [Fact]
    public void Render_HeightGrowsWithBarCount()
    {
        static int Height(int bars) => int.Parse(
            XDocument.Parse(SvgBarChart.Render("t", "u", [.. Enumerable.Range(0, bars).Select(i => new ChartBar($"s{i}", i + 1, "x"))])).Root!.Attribute("height")!.Value,
            CultureInfo.InvariantCulture);

        Assert.True(Height(4) > Height(2));
    }

    [Theory]
    [InlineData(0.0, 0.0)]
    [InlineData(-5.0, 0.0)]
    [InlineData(double.NaN, 0.0)]
    [InlineData(1e-9, 1.0)]
    public void BarWidth_NonPositiveIsNoneAndTinyIsStillVisible(double value, double expected) =>
        Assert.Equal(expected, SvgBarChart.BarWidth(value, 100));
}
