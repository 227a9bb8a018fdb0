using ActorEcho.Compare.Model;
using ActorEcho.Compare.Running;

namespace ActorEcho.Compare.Tests;

public sealed class LoadClientTests
{
    private static readonly Repository s_repo = new("/repo");

    [Fact]
    public void Parse_ContractJson_ReadsEveryFigureTheReportUses()
    {
        var result = Results.Fixture("rr-result.json");

        Assert.Equal("rr", result.Mode);
        Assert.Equal(103739.1, result.OperationsPerSecond);
        Assert.Equal(31600.5, result.LatencyUs!.P99);
        Assert.Equal(8740.2, result.LatencyUs.P50);
        Assert.Null(result.ServerRssBytesPerConnection);
        Assert.Equal(1.0376 * 1e6 / 207530, result.ClientCpuUsPerOperation!.Value, 6);
    }

    [Fact]
    public void Parse_IdleJson_ReadsRssPerConnectionAndErrors()
    {
        var result = Results.Fixture("idle-result.json");

        Assert.Equal(2477, result.ServerRssBytesPerConnection);
        Assert.Equal(2, result.Errors);
    }

    [Fact]
    public void Arguments_Rr_PassTimingsAndNoServerPid()
    {
        var options = new CompareOptions { Duration = TimeSpan.FromSeconds(2), Warmup = TimeSpan.FromMilliseconds(500) };
        var scenario = new Scenario("rr-100", "rr", 100, 64, Metric.OperationsPerSecond, "t");

        var args = new LoadClient(s_repo, options).Arguments(scenario, 4000, 77, "/tmp/x.json");

        Assert.Equal(
            ["/repo/src/ActorEcho/bin/Release/net10.0/actorecho.dll", "bench", "rr", "--host", "127.0.0.1", "--port", "4000", "--connections", "100",
             "--size", "64", "--duration", "2s", "--json", "/tmp/x.json", "--warmup", "500ms"],
            args);
    }

    [Fact]
    public void Arguments_Idle_PassServerPidAndHoldTime()
    {
        var options = new CompareOptions { IdleHold = TimeSpan.FromSeconds(1) };
        var scenario = new Scenario("idle", "idle", 10_000, 64, Metric.BytesPerConnection, "t");

        var args = new LoadClient(s_repo, options).Arguments(scenario, 4000, 77, "/tmp/x.json");

        Assert.Equal(["--server-pid", "77"], args.Skip(args.Count - 2));
        Assert.Contains("1s", args);
        Assert.DoesNotContain("--warmup", args);
    }

    [Fact]
    public void Arguments_WarmupRun_IsShortWithoutWarmupOfItsOwn()
    {
        var options = new CompareOptions { Duration = TimeSpan.FromSeconds(5), Warmup = TimeSpan.FromSeconds(2) };
        var scenario = new Scenario("warmup", "rr", 100, 64, Metric.OperationsPerSecond, "t");

        var args = new LoadClient(s_repo, options).Arguments(scenario, 4000, 77, "/tmp/x.json", warmupRun: true);

        Assert.Equal("1s", args[args.ToList().IndexOf("--duration") + 1]);
        Assert.Equal("0s", args[args.ToList().IndexOf("--warmup") + 1]);
    }
}
