using System.Xml.Linq;
using ActorEcho.Soak.Analysis;
using ActorEcho.Soak.Report;
using ActorEcho.Soak.Sampling;

namespace ActorEcho.Soak.Tests;

public sealed class ReportTests
{
    private static readonly Sample[] s_samples =
    [
        new(0, 100L << 20, 600, 17, null, null),
        new(10, 120L << 20, 640, 18, 5L << 20, 526),
        new(20, 121L << 20, 641, 18, 6L << 20, 528),
    ];

    [Fact]
    public void Csv_OneRowPerSampleEmptyWhereUnknown()
    {
        var lines = SampleFiles.Csv(s_samples).TrimEnd('\n').Split('\n');

        Assert.Equal(SampleFiles.CsvHeader, lines[0]);
        Assert.Equal("0,104857600,600,17,,", lines[1]);
        Assert.Equal("20,126877696,641,18,6291456,528", lines[3]);
    }

    [Fact]
    public void Chart_IsWellFormedSvgWithAPanelAndALinePerMetric()
    {
        var svg = XDocument.Parse(SoakChart.Render("soak <test>", s_samples, 20));
        XNamespace ns = "http://www.w3.org/2000/svg";

        Assert.Equal(Metrics.All.Count, svg.Descendants(ns + "polyline").Count());
        var texts = svg.Descendants(ns + "text").Select(t => t.Value).ToList();
        Assert.Contains("soak <test>", texts);
        Assert.All(Metrics.All, m => Assert.Contains(m, texts));
        Assert.Contains("min 100, max 121, last 121", texts); // rss_mib
    }

    [Fact]
    public void Points_ScaleTimeToTheWidthAndValueToTheHeightFromZero()
    {
        var points = SoakChart.Points([(0, 0), (100, 50), (200, 100)], seconds: 200, max: 100, top: 0);

        var coordinates = points.Split(' ').Select(p => p.Split(',').Select(double.Parse).ToArray()).ToArray();
        Assert.Equal(3, coordinates.Length);
        Assert.True(coordinates[0][0] < coordinates[1][0] && coordinates[1][0] < coordinates[2][0], points);
        Assert.True(coordinates[0][1] > coordinates[1][1] && coordinates[1][1] > coordinates[2][1], points); // higher value, higher on the page
        Assert.Equal(coordinates[0][1] - coordinates[1][1], coordinates[1][1] - coordinates[2][1], 1);
    }

    [Fact]
    public void Markdown_StatesVerdictPerMetricLoadsAndCommand()
    {
        var verdicts = Flatness.Check(s_samples, Tolerance.Defaults, 30);
        var result = new SoakResult(DateTimeOffset.UnixEpoch, 30, 10, "2 cores", "dotnet run -- --duration 30s", [new LoadOutcome("churn 8 x 64 B", 0, 1000, 33, 0, null)], s_samples, verdicts);

        var md = SoakReport.Markdown(result, "charts/soak.svg");

        Assert.Contains("dotnet run -- --duration 30s", md, StringComparison.Ordinal);
        Assert.Contains("| churn 8 x 64 B | 0 | 1,000 |", md, StringComparison.Ordinal);
        Assert.All(Metrics.All, m => Assert.Contains("| " + m + " |", md, StringComparison.Ordinal));
        Assert.Contains("![soak samples](charts/soak.svg)", md, StringComparison.Ordinal);
        Assert.Contains(result.Passed ? "**Passed.**" : "**FAILED.**", md, StringComparison.Ordinal);
    }
}
