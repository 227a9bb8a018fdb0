using System.CommandLine;
using ActorEcho.Cli.Bench;

namespace ActorEcho.Tests.Bench;

/// <summary>The <c>bench</c> flags: what parses into <see cref="BenchOptions"/>, and which input is refused with a message naming the flag.</summary>
public sealed class BenchCommandTests
{
    [Fact]
    public async Task Parse_AllFlags_ReachTheOptions()
    {
        var options = await ParseAsync(
            "rr", "--host", "::1", "--port", "7001", "--connections", "12", "--size", "4KiB", "--duration", "500ms", "--ramp", "250",
            "--warmup", "2s", "--json", "out.json", "--seed", "-9");

        Assert.Equal(
            new BenchOptions(BenchMode.Rr, "::1", 7001, 12, 4096, TimeSpan.FromMilliseconds(500), null, 250, TimeSpan.FromSeconds(2), "out.json", -9, null),
            options);
    }

    [Fact]
    public async Task Parse_NoFlags_UsesTheDefaults()
    {
        var options = await ParseAsync("stream");

        Assert.Equal(new BenchOptions(BenchMode.Stream, "127.0.0.1", 7000, 1, 64, BenchOptions.DefaultDuration, null, 0, TimeSpan.Zero, null, 1, null), options);
    }

    [Fact]
    public async Task Parse_Count_ReplacesTheDuration()
    {
        var options = await ParseAsync("CHURN", "--count", "5");

        Assert.Equal(BenchMode.Churn, options.Mode);
        Assert.Equal(5, options.Count);
        Assert.Null(options.Duration);
    }

    [Fact]
    public async Task Parse_IdleWithServerPid_KeepsThePid()
    {
        var options = await ParseAsync("idle", "--server-pid", "4242", "--connections", "100");

        Assert.Equal(4242, options.ServerPid);
        Assert.Equal(100, options.Connections);
    }

    [Fact]
    public async Task Parse_Slowloris_TakesThePaceAndTheServerPid()
    {
        var options = await ParseAsync("slowloris", "--connections", "1000", "--pace", "250ms", "--server-pid", "4242");

        Assert.Equal(BenchMode.Slowloris, options.Mode);
        Assert.Equal(TimeSpan.FromMilliseconds(250), options.Pace);
        Assert.Equal(4242, options.ServerPid);
        Assert.Equal(BenchOptions.DefaultWriteBytes, options.WriteBytes);
    }

    [Fact]
    public async Task Parse_SlowlorisWithoutPace_SendsOneBytePerSecond()
    {
        var options = await ParseAsync("slowloris", "--count", "3");

        Assert.Equal(TimeSpan.FromSeconds(1), options.Pace);
        Assert.Equal(3, options.Count);
    }

    [Fact]
    public async Task Parse_Flood_TakesTheRateFromRamp()
    {
        var options = await ParseAsync("flood", "--ramp", "5000", "--connections", "200", "--duration", "10s");

        Assert.Equal(BenchMode.Flood, options.Mode);
        Assert.Equal(5000, options.Ramp);
        Assert.Equal(TimeSpan.FromSeconds(10), options.Duration);
    }

    [Fact]
    public async Task Parse_SlowRead_TakesTheBytesToWrite()
    {
        var options = await ParseAsync("slowread", "--bytes", "1GiB", "--size", "64k");

        Assert.Equal(BenchMode.SlowRead, options.Mode);
        Assert.Equal(1L << 30, options.WriteBytes);
        Assert.Equal(65536, options.Size);
        Assert.Equal(BenchOptions.DefaultPace, options.Pace);
    }

    [Theory]
    [InlineData("mode", "bogus")]
    [InlineData("mode", "1")]
    [InlineData("--size", "rr", "--size", "0")]
    [InlineData("--size", "rr", "--size", "65MiB")]
    [InlineData("--size", "rr", "--size", "lots")]
    [InlineData("--connections", "rr", "--connections", "0")]
    [InlineData("--port", "rr", "--port", "0")]
    [InlineData("--port", "rr", "--port", "65536")]
    [InlineData("--duration", "rr", "--duration", "0s")]
    [InlineData("--duration", "rr", "--duration", "soon")]
    [InlineData("--count", "rr", "--count", "0")]
    [InlineData("--ramp", "rr", "--ramp", "-1")]
    [InlineData("--warmup", "rr", "--warmup", "x")]
    [InlineData("--duration and --count", "rr", "--duration", "1s", "--count", "3")]
    [InlineData("--count", "idle", "--count", "3")]
    [InlineData("--server-pid", "rr", "--server-pid", "1")]
    [InlineData("--server-pid", "churn", "--server-pid", "1")]
    [InlineData("--pace", "rr", "--pace", "1s")]
    [InlineData("--pace", "slowloris", "--pace", "0s")]
    [InlineData("--pace", "slowloris", "--pace", "often")]
    [InlineData("--bytes", "slowloris", "--bytes", "1GiB")]
    [InlineData("--bytes", "slowread", "--bytes", "0")]
    [InlineData("--bytes", "slowread", "--bytes", "lots")]
    [InlineData("--count", "slowread", "--count", "3")]
    [InlineData("--count", "flood", "--ramp", "10", "--count", "3")]
    [InlineData("--ramp", "flood")]
    public void Parse_BadInput_ReportsAnErrorNamingTheFlag(string flag, params string[] args)
    {
        var result = Root(static (_, _) => Task.FromResult(0)).Parse(["bench", .. args]);

        var error = Assert.Single(result.Errors);
        Assert.StartsWith(flag + ":", error.Message, StringComparison.Ordinal);
    }

    private static async Task<BenchOptions> ParseAsync(params string[] args)
    {
        BenchOptions? captured = null;
        var result = Root((options, _) =>
        {
            captured = options;
            return Task.FromResult(0);
        }).Parse(["bench", .. args]);

        Assert.Empty(result.Errors);
        Assert.Equal(0, await result.InvokeAsync());
        return Assert.IsType<BenchOptions>(captured);
    }

    private static RootCommand Root(Func<BenchOptions, CancellationToken, Task<int>> run) => new("test") { BenchCommand.Create(run) };
}
