using System.Text;
using ActorEcho.Actors;
using ActorEcho.Cli;
using ActorEcho.TestFixtures;
using ActorEcho.Tests.Infrastructure;

namespace ActorEcho.Tests;

/// <summary><c>--stats-interval</c>: the periodic counter line on stderr, its formatting, and bad values.</summary>
public sealed class StatsIntervalTests
{
    [Fact]
    public async Task StatsInterval_AfterOneEcho_PrintsStatsLineWithAcceptedOneOnStderr()
    {
        await using var app = ActorEchoProcess.Start("serve", "--port", "0", "--stats-interval", "200ms");
        var port = await app.WaitForListeningAsync();

        using (var client = await LoopbackClient.ConnectAsync(port))
        {
            var ping = Encoding.ASCII.GetBytes("ping\n");
            await client.SendAsync(ping);
            Assert.Equal(ping, await client.ReceiveExactlyAsync(ping.Length));
            client.ShutdownSend();
            await client.ReceiveToEndAsync();
        }

        var line = await app.Stderr.WaitForLineAsync(
            l => l.StartsWith("stats: ", StringComparison.Ordinal) && l.Contains(" closed=1 (peer=1)", StringComparison.Ordinal),
            LoopbackClient.DefaultTimeout,
            "a stats line counting the closed connection");
        Assert.Contains(" accepted=1 ", line, StringComparison.Ordinal);
        Assert.Contains(" in=5 B out=5 B ", line, StringComparison.Ordinal);
        Assert.Contains(" dead-letters=0 ", line, StringComparison.Ordinal); // a late ack after the close is expected, not reported
        Assert.StartsWith("stats: active=0 ", line, StringComparison.Ordinal);

        app.Terminate();
        Assert.Equal(0, await app.WaitForExitAsync());
        Assert.Single(app.Stdout.Lines);
    }

    [Fact]
    public async Task NoStatsInterval_PrintsNoStatsLines()
    {
        await using var app = ActorEchoProcess.Start("serve", "--port", "0");
        var port = await app.WaitForListeningAsync();
        using (var client = await LoopbackClient.ConnectAsync(port))
        {
            client.ShutdownSend();
            await client.ReceiveToEndAsync();
        }

        app.Terminate();
        Assert.Equal(0, await app.WaitForExitAsync());
        Assert.DoesNotContain(app.Stderr.Lines, l => l.StartsWith("stats:", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("10")]
    [InlineData("0s")]
    [InlineData("-1s")]
    [InlineData("5 parsecs")]
    public async Task BadStatsInterval_ExitsTwoWithOneLineNamingTheFlag(string value)
    {
        await using var app = ActorEchoProcess.Start("serve", "--stats-interval", value);

        Assert.Equal(2, await app.WaitForExitAsync(ActorEchoProcess.StartTimeout));
        Assert.Empty(app.Stdout.Lines);
        var errors = app.Stderr.Lines.Where(l => l.StartsWith("actorecho: ", StringComparison.Ordinal)).ToList();
        Assert.True(errors.Count == 1, "Expected one error line on stderr:\n" + string.Join('\n', app.Stderr.Lines));
        Assert.Contains($"--stats-interval: '{value}'", errors[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, "0 B")]
    [InlineData(1023, "1023 B")]
    [InlineData(1536, "1.5 KiB")]
    [InlineData(1_258_291, "1.2 MiB")]
    [InlineData(3L << 30, "3.0 GiB")]
    public void FormatBytes_ScalesToBinaryUnits(long bytes, string expected) => Assert.Equal(expected, StatsReporter.FormatBytes(bytes));

    [Fact]
    public async Task Snapshot_TwoSystems_CountsOnlyItsOwnSystem()
    {
        var suffix = Guid.NewGuid().ToString("N")[..12];
        await using var mine = ActorSystem.Create("stats-mine-" + suffix);
        await using var other = ActorSystem.Create("stats-other-" + suffix);
        using var reporter = new StatsReporter(mine.Name, TimeSpan.FromSeconds(1), TextWriter.Null);

        for (var i = 0; i < 4; i++)
        {
            mine.DeadLetters.Tell("lost", ActorRefs.NoSender);
        }

        other.DeadLetters.Tell("lost elsewhere", ActorRefs.NoSender);
        mine.DeadLetters.Tell(new ExpectedLoss(), ActorRefs.NoSender);

        var line = reporter.Snapshot();
        Assert.Contains(" dead-letters=4 ", line, StringComparison.Ordinal);
        Assert.StartsWith("stats: active=0 accepted=0 closed=0 refused=0 in=0 B out=0 B suspended=0 restarts=0 dead-letters=4 busiest-mailbox=0 heap=", line, StringComparison.Ordinal);
        Assert.Matches(@" heap=\d+(\.\d)? (B|KiB|MiB|GiB)$", line);
    }

    private sealed class ExpectedLoss : IDeadLetterSuppression;
}
