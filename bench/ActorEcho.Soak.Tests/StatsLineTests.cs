using ActorEcho.Soak.Sampling;

namespace ActorEcho.Soak.Tests;

public sealed class StatsLineTests
{
    private const string Line = "09:01:02.345 stats: active=527 accepted=1200 closed=673 (peer=673) refused=0 in=1.2 GiB out=1.2 GiB suspended=3 restarts=0 dead-letters=0 busiest-mailbox=4 heap=5.7 MiB";

    [Fact]
    public void HeapBytes_MiB_ConvertsBinaryUnits() => Assert.Equal((long)Math.Round(5.7 * 1024 * 1024), StatsLine.HeapBytes(Line));

    [Theory]
    [InlineData("stats: active=0 heap=512 B", 512L)]
    [InlineData("stats: active=0 heap=1.5 KiB", 1536L)]
    [InlineData("stats: active=0 heap=2.0 GiB", 2L * 1024 * 1024 * 1024)]
    public void HeapBytes_EachUnit(string line, long expected) => Assert.Equal(expected, StatsLine.HeapBytes(line));

    [Fact]
    public void HeapBytes_LineWithoutHeap_IsNull() => Assert.Null(StatsLine.HeapBytes("stats: active=1 busiest-mailbox=4"));

    [Fact]
    public void Active_ReadsCurrentConnections() => Assert.Equal(527, StatsLine.Active(Line));

    [Fact]
    public void Last_PicksTheNewestStatsLineAmongLogLines()
    {
        string[] log = ["info: listening", "stats: active=1 heap=1.0 MiB", "warn: something", "stats: active=2 heap=2.0 MiB", "info: done"];

        Assert.Equal("stats: active=2 heap=2.0 MiB", StatsLine.Last(log));
        Assert.Null(StatsLine.Last(["info: listening"]));
    }
}
