using ActorEcho.Compare.Report;

namespace ActorEcho.Compare.Tests;

public sealed class MarkdownReportTests
{
    private static readonly MachineInfo s_machine = new(2, "Test CPU", "6.1.0", ".NET 10.0.0", 24);

    private static string Render()
    {
        var reports = Reports.Matrix((77_000, 40_000), (100_000, 30_000), 100_000, (45e6, 100e6), (2_477, 8_480, 540_000));
        var context = new ReportContext("dotnet run -- x", new DateTimeOffset(2026, 11, 23, 10, 5, 0, TimeSpan.Zero), s_machine, new CompareOptions(), TimeSpan.FromSeconds(241.6));
        return MarkdownReport.Render(context, reports, Bar.Evaluate(reports), s => "charts/" + s.Name + ".svg");
    }

    [Fact]
    public void Render_StatesCommandDateMachineAndTimings()
    {
        var md = Render();

        Assert.Contains("dotnet run -- x\n", md, StringComparison.Ordinal);
        Assert.Contains("Measured 2026-11-23 10:05 UTC on 2 cores (Test CPU), 24 GiB, Linux 6.1.0, .NET 10.0.0. Whole matrix: 242 s", md, StringComparison.Ordinal);
        Assert.Contains("median of 3 runs", md, StringComparison.Ordinal);
        Assert.Contains("measure 1.5 s after 0.5 s of warm-up", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ScenarioTableHasMediansLatencyAndRatios()
    {
        var md = Render();

        Assert.Contains("![rr: 64 B request/response, 1,000 connections](charts/rr-1000.svg)", md, StringComparison.Ordinal);
        Assert.Contains("| seed-pthread | **100,000** | 100,000 – 100,000 | 100 µs | 30.0 ms | 5.0 µs | 0 | 0.77× |", md, StringComparison.Ordinal);
        Assert.Contains("| actorecho | **2,477 B** | 2,477 B – 2,477 B | 0 | 1.00× |", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_BarTableSaysMetAndMissed()
    {
        var md = Render();

        Assert.Contains("| rr 64 B, 1,000 conns: round trips/s ≥ 1.0× seed-pthread | 77,000 vs 100,000: 0.77× | **missed** | 23% short |", md, StringComparison.Ordinal);
        Assert.Contains("| idle: ≤ 4 KiB (4,096 B) server RSS per connection | 2,477 B | met | 1,619 B under |", md, StringComparison.Ordinal);
    }
}
