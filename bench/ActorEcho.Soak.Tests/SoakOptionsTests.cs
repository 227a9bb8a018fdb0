namespace ActorEcho.Soak.Tests;

public sealed class SoakOptionsTests
{
    [Fact]
    public void Parse_NoArguments_TenMinutesEveryTenSecondsRecorded()
    {
        var options = SoakOptions.Parse([], out var error);

        Assert.Null(error);
        Assert.Equal(TimeSpan.FromMinutes(10), options.Duration);
        Assert.Equal(TimeSpan.FromSeconds(10), options.Interval);
        Assert.True(options.Record);
    }

    [Fact]
    public void Parse_AllFlags()
    {
        var options = SoakOptions.Parse(["--duration", "3m", "--interval", "5s", "--no-record"], out var error);

        Assert.Null(error);
        Assert.Equal(TimeSpan.FromMinutes(3), options.Duration);
        Assert.Equal(TimeSpan.FromSeconds(5), options.Interval);
        Assert.False(options.Record);
    }

    [Theory]
    [InlineData("500ms", 0.5)]
    [InlineData("90s", 90)]
    [InlineData("3m", 180)]
    [InlineData("1h", 3600)]
    [InlineData("45", 45)]
    public void ParseDuration_Units(string text, double seconds) => Assert.Equal(TimeSpan.FromSeconds(seconds), SoakOptions.ParseDuration(text));

    [Theory]
    [InlineData("")]
    [InlineData("0s")]
    [InlineData("-3m")]
    [InlineData("ten")]
    public void ParseDuration_Malformed_IsNull(string text) => Assert.Null(SoakOptions.ParseDuration(text));

    [Theory]
    [InlineData(new[] { "--duration" }, "--duration needs a positive duration")]
    [InlineData(new[] { "--interval", "x" }, "--interval needs a positive duration")]
    [InlineData(new[] { "--fast" }, "unknown option '--fast'")]
    [InlineData(new[] { "--duration", "30s" }, "too short")]
    public void Parse_BadInput_OneLineNamingTheFlag(string[] args, string expected)
    {
        SoakOptions.Parse(args, out var error);

        Assert.NotNull(error);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }
}
