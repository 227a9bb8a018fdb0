using ActorEcho.Cli.Bench;

namespace ActorEcho.Tests.Bench;

/// <summary>What the hostile modes read of the server (<c>--server-pid</c>): the thread count, the peaks, whether connections were released.</summary>
public sealed class ServerSampleTests
{
    [Fact]
    public void ParseThreads_StatusText_ReadsTheThreadsLine()
    {
        const string Status = "Name:\tdotnet\nState:\tS (sleeping)\nVmRSS:\t  51200 kB\nThreads:\t17\nSigQ:\t0/95364\n";

        Assert.Equal(17, ServerSample.ParseThreads(Status));
    }

    [Theory]
    [InlineData("Name:\tdotnet\nVmRSS:\t51200 kB\n")]
    [InlineData("Threads:\tmany\n")]
    [InlineData("")]
    public void ParseThreads_NoUsableLine_ReturnsNull(string status) => Assert.Null(ServerSample.ParseThreads(status));

    [Fact]
    public void Max_TwoSamples_TakesEachFigureOnItsOwn()
    {
        var peak = new ServerSample(100, 20, 7).Max(new ServerSample(300, 10, 9));

        Assert.Equal(new ServerSample(300, 20, 9), peak);
    }

    [Theory]
    [InlineData(125, true)]
    [InlineData(120, true)]
    [InlineData(126, false)]
    public void Of_DescriptorsAfterTheRun_ReleasedOnlyWhenBackToTheStart(int descriptorsAfter, bool released)
    {
        var before = new ServerSample(50, 16, 125);
        var report = ServerReport.Of(before, new ServerSample(80, 18, 1125), new ServerSample(60, 16, descriptorsAfter));

        Assert.Equal(released, report.Released);
        Assert.Equal(30, report.RssGrowthBytes);
    }

    [Fact]
    public void Of_ServerGone_NotReleased()
    {
        var before = new ServerSample(50, 16, 125);

        Assert.False(ServerReport.Of(before, before, null).Released);
    }

    [Fact]
    public void Read_ThisProcess_SeesItsThreadsAndDescriptors()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // reads /proc
        }

        var sample = ServerSample.Read(Environment.ProcessId);

        Assert.NotNull(sample);
        Assert.True(sample.Threads > 1, $"{sample}");
        Assert.True(sample.OpenDescriptors > 2, $"{sample}");
        Assert.True(sample.RssBytes > 0, $"{sample}");
    }
}
