using ActorEcho.Soak.Sampling;

namespace ActorEcho.Soak.Tests;

public sealed class ProcStatusTests
{
    private const string Status = "Name:\tdotnet\nState:\tS (sleeping)\nVmPeak:\t 3000000 kB\nVmRSS:\t   47928 kB\nRssAnon:\t   20000 kB\nThreads:\t18\nSigQ:\t0/63432\n";

    [Fact]
    public void Parse_RealStatusText_ReadsRssInBytesAndThreads()
    {
        var (rss, threads) = ProcStatus.Parse(Status);

        Assert.Equal(47928L * 1024, rss);
        Assert.Equal(18, threads);
    }

    [Theory]
    [InlineData("Name:\tdotnet\nThreads:\t18\n", "no VmRSS line")]
    [InlineData("VmRSS:\t 10 kB\n", "no Threads line")]
    [InlineData("VmRSS:\t 10 MB\nThreads:\t3\n", "unexpected VmRSS line")]
    [InlineData("VmRSS:\t 10 kB\nThreads:\tmany\n", "unexpected Threads line")]
    public void Parse_MissingOrMalformed_ThrowsNamingTheLine(string status, string expected)
    {
        var error = Assert.Throws<FormatException>(() => ProcStatus.Parse(status));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ThisProcess_GivesPlausibleFigures()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var (rss, threads, fds) = ProcStatus.Read(Environment.ProcessId);

        Assert.InRange(rss, 1L << 20, 1L << 40);
        Assert.InRange(threads, 1, 10_000);
        Assert.InRange(fds, 3, 1_000_000);
    }
}
