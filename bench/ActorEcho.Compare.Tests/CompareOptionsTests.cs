namespace ActorEcho.Compare.Tests;

public sealed class CompareOptionsTests
{
    [Fact]
    public void Parse_NoArguments_IsTheFullMatrix()
    {
        var options = CompareOptions.Parse([], out var error);

        Assert.Null(error);
        Assert.Equal(3, options.Runs);
        Assert.Equal(10_000, options.IdleConnections);
        Assert.Equal(["actorecho", "plain-dotnet", "seed-pthread", "seed-fork"], options.Servers);
        Assert.True(options.WriteDocs);
        Assert.Equal(6, Matrix.Select(options).Count);
    }

    [Fact]
    public void Parse_Quick_RunsOnceAndLeavesDocsAlone()
    {
        var options = CompareOptions.Parse(["--quick"], out var error);

        Assert.Null(error);
        Assert.Equal(1, options.Runs);
        Assert.False(options.WriteDocs);
        Assert.True(options.Duration < TimeSpan.FromSeconds(2));
    }

    [Fact]
    public void Parse_Filters_SelectServersAndScenariosByNameOrMode()
    {
        var options = CompareOptions.Parse(["--servers", "actorecho,seed-fork", "--scenarios", "rr,idle", "--runs", "5", "--duration", "2.5"], out var error);

        Assert.Null(error);
        Assert.Equal(["actorecho", "seed-fork"], options.Servers);
        Assert.Equal(["rr-1", "rr-100", "rr-1000", "idle"], Matrix.Select(options).Select(s => s.Name));
        Assert.Equal(5, options.Runs);
        Assert.Equal(TimeSpan.FromSeconds(2.5), options.Duration);
    }

    [Fact]
    public void Parse_RawDotNet_IsAcceptedButNotInTheDefaultMatrix()
    {
        var options = CompareOptions.Parse(["--servers", "plain-dotnet,raw-dotnet"], out var error);

        Assert.Null(error);
        Assert.Equal(["plain-dotnet", "raw-dotnet"], options.Servers);
        Assert.DoesNotContain("raw-dotnet", CompareOptions.Parse([], out _).Servers);
    }

    [Theory]
    [InlineData("--servers", "actorecho,nginx", "--servers: unknown name 'nginx'")]
    [InlineData("--scenarios", "rr-2", "--scenarios: unknown name 'rr-2'")]
    [InlineData("--runs", "0", "--runs needs a whole number from 1 to 15, got '0'")]
    [InlineData("--duration", "soon", "--duration needs seconds from 0.1 to 600, got 'soon'")]
    [InlineData("--bogus", "x", "unknown option '--bogus'")]
    public void Parse_BadInput_NamesTheFlag(string flag, string value, string expected)
    {
        CompareOptions.Parse([flag, value], out var error);

        Assert.NotNull(error);
        Assert.StartsWith(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_FlagWithoutValue_IsAnError()
    {
        CompareOptions.Parse(["--runs"], out var error);

        Assert.Equal("--runs needs a whole number from 1 to 15, got ''", error);
    }
}
