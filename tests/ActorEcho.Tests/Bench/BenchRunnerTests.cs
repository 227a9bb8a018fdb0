using System.Text.Json;
using ActorEcho.Cli.Bench;

namespace ActorEcho.Tests.Bench;

/// <summary>Each mode against a real echo server on 127.0.0.1:0, small counts; faulty servers must turn into counted errors and exit 1.</summary>
public sealed class BenchRunnerTests : IDisposable
{
    private static readonly TimeSpan s_runTimeout = TimeSpan.FromSeconds(60);

    private static readonly string[] s_jsonFields =
    [
        "mode", "host", "port", "connections", "size", "elapsedSeconds", "operations", "operationsPerSecond", "bytesPerSecond", "latencyUs",
        "errors", "errorDetail", "connectionsEstablished", "connectionsFailed", "clientCpuSeconds", "serverRssDeltaBytes", "serverRssBytesPerConnection",
        "server",
    ];

    private readonly string _directory = Directory.CreateTempSubdirectory("actorecho-bench-tests-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData("rr", 3, 64, 50)]
    [InlineData("rr", 2, 1024 * 1024, 3)]
    [InlineData("stream", 2, 4096, 200)]
    [InlineData("stream", 1, 1, 500)]
    [InlineData("churn", 3, 100, 20)]
    public async Task Run_WithCount_VerifiesEveryOperationAndExitsZero(string modeName, int connections, int size, long count)
    {
        var mode = Enum.Parse<BenchMode>(modeName, ignoreCase: true);
        await using var server = new TestEchoServer();
        var (exitCode, report, output) = await RunAsync(Options(mode, server.Port, connections, size) with { Count = count, Duration = null });

        Assert.True(exitCode == 0, output);
        Assert.Equal(connections * count, report.GetProperty("operations").GetInt64());
        Assert.Equal(connections * count * size, (long)Math.Round(report.GetProperty("bytesPerSecond").GetDouble() * report.GetProperty("elapsedSeconds").GetDouble()), 1e-3 * connections * count * size + 1);
        Assert.Equal(0, report.GetProperty("errors").GetInt64());
        var latency = report.GetProperty("latencyUs");
        Assert.True(latency.GetProperty("p50").GetDouble() > 0);
        Assert.True(latency.GetProperty("p50").GetDouble() <= latency.GetProperty("p99").GetDouble());
        Assert.True(latency.GetProperty("p99").GetDouble() <= latency.GetProperty("max").GetDouble());
        var established = report.GetProperty("connectionsEstablished").GetInt64();
        if (mode == BenchMode.Churn)
        {
            Assert.True(established >= connections * count, output); // plus each worker's unmeasured cycles before the window opened
        }
        else
        {
            Assert.Equal(connections, established);
        }
        Assert.Contains("errors       0", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_RrForADuration_StopsAndReportsTheWindow()
    {
        await using var server = new TestEchoServer();
        var (exitCode, report, output) = await RunAsync(Options(BenchMode.Rr, server.Port, 2, 64) with { Duration = TimeSpan.FromSeconds(1), Warmup = TimeSpan.FromMilliseconds(100) });

        Assert.True(exitCode == 0, output);
        Assert.True(report.GetProperty("operations").GetInt64() > 0, output);
        Assert.True(Math.Abs(report.GetProperty("elapsedSeconds").GetDouble() - 1) < 0.001, output);
        Assert.Contains("progress ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_Idle_HoldsThenVerifiesEveryConnection()
    {
        await using var server = new TestEchoServer();
        var (exitCode, report, output) = await RunAsync(Options(BenchMode.Idle, server.Port, 20, 64) with { Duration = TimeSpan.FromMilliseconds(200), Ramp = 200 });

        Assert.True(exitCode == 0, output);
        Assert.Equal(20, report.GetProperty("operations").GetInt64());
        Assert.Equal(20, report.GetProperty("connectionsEstablished").GetInt64());
        Assert.Equal(20, server.Accepted);
        Assert.Equal(JsonValueKind.Null, report.GetProperty("serverRssDeltaBytes").ValueKind);
        Assert.Equal(JsonValueKind.Null, report.GetProperty("serverRssBytesPerConnection").ValueKind);
    }

    [Fact]
    public async Task Run_IdleWithServerPid_ReportsTheMemoryDelta()
    {
        await using var server = new TestEchoServer();
        var (exitCode, report, output) = await RunAsync(Options(BenchMode.Idle, server.Port, 10, 64) with { Duration = TimeSpan.FromMilliseconds(100), ServerPid = Environment.ProcessId });

        Assert.True(exitCode == 0, output);
        Assert.Equal(JsonValueKind.Number, report.GetProperty("serverRssDeltaBytes").ValueKind);
        Assert.Equal(report.GetProperty("serverRssDeltaBytes").GetDouble() / 10, report.GetProperty("serverRssBytesPerConnection").GetDouble(), 1);
        Assert.Contains("server RSS", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_SlowlorisWithCount_EchoesEveryByteOneAtATimeAndSamplesTheServer()
    {
        await using var server = new TestEchoServer();
        var options = Options(BenchMode.Slowloris, server.Port, 4, 64) with { Count = 5, Duration = null, Pace = TimeSpan.FromMilliseconds(20), ServerPid = Environment.ProcessId };

        var (exitCode, report, output) = await RunAsync(options);

        Assert.True(exitCode == 0, output);
        Assert.Equal(20, report.GetProperty("operations").GetInt64());
        Assert.Equal(1, report.GetProperty("size").GetInt32());
        Assert.Equal(server.Accepted, report.GetProperty("connectionsEstablished").GetInt64());
        var sampled = report.GetProperty("server");
        Assert.True(sampled.GetProperty("peak").GetProperty("threads").GetInt32() >= sampled.GetProperty("before").GetProperty("threads").GetInt32(), output);
        Assert.True(sampled.GetProperty("peak").GetProperty("rssBytes").GetInt64() > 0, output);
        Assert.Contains("server after", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_Flood_PacedByTheRateAcrossWorkers()
    {
        await using var server = new TestEchoServer();
        var options = Options(BenchMode.Flood, server.Port, 4, 32) with { Ramp = 100, Duration = TimeSpan.FromMilliseconds(500) };

        var (exitCode, report, output) = await RunAsync(options);

        Assert.True(exitCode == 0, output);
        var operations = report.GetProperty("operations").GetInt64();
        Assert.InRange(operations, 1, 50); // connects due inside the 0.5 s window at 100/s: at most 50, whatever the worker count
        Assert.Equal(JsonValueKind.Null, report.GetProperty("server").ValueKind);
    }

    [Fact]
    public async Task Run_SlowRead_WritesWithoutReadingThenGetsEveryByteBack()
    {
        await using var server = new TestEchoServer();
        var options = Options(BenchMode.SlowRead, server.Port, 1, 64 * 1024) with { WriteBytes = 4 << 20, Duration = TimeSpan.FromMilliseconds(500) };

        var (exitCode, report, output) = await RunAsync(options);

        Assert.True(exitCode == 0, output);
        var written = report.GetProperty("operations").GetInt64() * 64 * 1024;
        Assert.InRange(written, 64 * 1024, 4 << 20);
        Assert.Contains("MiB without reading", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_SlowReadServerFlipsAByte_CountsTheMismatch()
    {
        await using var server = new TestEchoServer(EchoFault.FlipByte);
        var options = Options(BenchMode.SlowRead, server.Port, 1, 4096) with { WriteBytes = 64 * 1024, Duration = TimeSpan.FromMilliseconds(500) };

        var (exitCode, report, output) = await RunAsync(options);

        Assert.True(exitCode == 1, output);
        Assert.Equal(1, report.GetProperty("errorDetail").GetProperty("mismatches").GetInt64());
    }

    [Theory]
    [InlineData("rr")]
    [InlineData("stream")]
    [InlineData("churn")]
    public async Task Run_ServerFlipsAByte_CountsMismatchesAndExitsOne(string modeName)
    {
        var mode = Enum.Parse<BenchMode>(modeName, ignoreCase: true);
        await using var server = new TestEchoServer(EchoFault.FlipByte);
        var (exitCode, report, output) = await RunAsync(Options(mode, server.Port, 2, 512) with { Count = 20, Duration = null });

        Assert.True(exitCode == 1, output);
        var mismatches = report.GetProperty("errorDetail").GetProperty("mismatches").GetInt64();
        Assert.True(mismatches > 0, output);
        Assert.Equal(mismatches, report.GetProperty("errors").GetInt64());
        Assert.Matches(@"mismatches [1-9]", output);
    }

    [Fact]
    public async Task Run_ServerClosesMidEcho_CountsShortReadsAndExitsOne()
    {
        await using var server = new TestEchoServer(EchoFault.CloseMidEcho);
        var (exitCode, report, output) = await RunAsync(Options(BenchMode.Rr, server.Port, 3, 64) with { Count = 10, Duration = null });

        Assert.True(exitCode == 1, output);
        Assert.Equal(3, report.GetProperty("errorDetail").GetProperty("shortReads").GetInt64());
        Assert.Equal(0, report.GetProperty("operations").GetInt64());
    }

    [Fact]
    public async Task Run_ServerNeverEchoes_AbortsAfterTheGraceAndCountsShortReads()
    {
        await using var server = new TestEchoServer(EchoFault.Swallow);
        var (exitCode, report, output) = await RunAsync(Options(BenchMode.Rr, server.Port, 2, 64) with { Duration = TimeSpan.FromMilliseconds(100) });

        Assert.True(exitCode == 1, output);
        Assert.Equal(2, report.GetProperty("errorDetail").GetProperty("shortReads").GetInt64());
        Assert.Equal(0, report.GetProperty("operations").GetInt64());
    }

    [Fact]
    public async Task Run_Json_HasExactlyTheDocumentedFields()
    {
        await using var server = new TestEchoServer();
        var (_, report, _) = await RunAsync(Options(BenchMode.Rr, server.Port, 1, 64) with { Count = 5, Duration = null });

        Assert.Equal(s_jsonFields, report.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["p50", "p90", "p99", "p999", "max"], report.GetProperty("latencyUs").EnumerateObject().Select(p => p.Name));
        Assert.Equal(["mismatches", "shortReads", "unexpectedCloses", "connectFailures"], report.GetProperty("errorDetail").EnumerateObject().Select(p => p.Name));
        Assert.Equal("rr", report.GetProperty("mode").GetString());
        Assert.Equal(server.Port, report.GetProperty("port").GetInt32());
    }

    [Fact]
    public async Task Run_NothingListening_ExitsTwoWithOneLineNamingTheProblem()
    {
        int port;
        await using (var server = new TestEchoServer())
        {
            port = server.Port;
        }

        var error = new StringWriter();
        var exitCode = await new BenchRunner(new BenchConsole(new StringWriter(), error, Interactive: false))
            .RunAsync(Options(BenchMode.Rr, port, 1, 64), CancellationToken.None).WaitAsync(s_runTimeout);

        Assert.Equal(2, exitCode);
        var line = Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"actorecho: cannot connect to 127.0.0.1:{port}: ", line, StringComparison.Ordinal);
        Assert.Contains("--port", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_JsonIntoMissingDirectory_ExitsTwoNamingTheFlag()
    {
        await using var server = new TestEchoServer();
        var error = new StringWriter();
        var options = Options(BenchMode.Rr, server.Port, 1, 64) with { JsonPath = Path.Combine(_directory, "missing", "out.json") };

        var exitCode = await new BenchRunner(new BenchConsole(new StringWriter(), error, Interactive: false)).RunAsync(options, CancellationToken.None).WaitAsync(s_runTimeout);

        Assert.Equal(2, exitCode);
        Assert.StartsWith("actorecho: --json: ", error.ToString(), StringComparison.Ordinal);
    }

    private static BenchOptions Options(BenchMode mode, int port, int connections, int size) =>
        new(mode, "127.0.0.1", port, connections, size, TimeSpan.FromSeconds(1), null, 0, TimeSpan.Zero, null, 7, null);

    private async Task<(int ExitCode, JsonElement Report, string Output)> RunAsync(BenchOptions options)
    {
        var path = Path.Combine(_directory, Guid.NewGuid().ToString("N") + ".json");
        var output = new StringWriter();
        var error = new StringWriter();
        var runner = new BenchRunner(new BenchConsole(output, error, Interactive: false));

        var exitCode = await runner.RunAsync(options with { JsonPath = path }, CancellationToken.None).WaitAsync(s_runTimeout);

        Assert.True(File.Exists(path), $"no JSON written; exit {exitCode}, stderr: {error}");
        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(path));
        return (exitCode, document.RootElement.Clone(), output + error.ToString());
    }
}
