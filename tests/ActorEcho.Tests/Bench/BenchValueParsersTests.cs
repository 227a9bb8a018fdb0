using ActorEcho.Cli.Bench;

namespace ActorEcho.Tests.Bench;

public sealed class BenchValueParsersTests
{
    [Theory]
    [InlineData("64", 64)]
    [InlineData("4k", 4096)]
    [InlineData("4K", 4096)]
    [InlineData("4KiB", 4096)]
    [InlineData("4 KB", 4096)]
    [InlineData("1MiB", 1048576)]
    [InlineData("1m", 1048576)]
    [InlineData("64MiB", 67108864)]
    [InlineData("1GiB", 1073741824)]
    [InlineData("3g", 3221225472)]
    [InlineData("10b", 10)]
    [InlineData("0", 0)]
    public void TryParseSize_KnownForms_Parse(string text, long expected)
    {
        Assert.True(BenchValueParsers.TryParseSize(text, out var bytes));
        Assert.Equal(expected, bytes);
    }

    [Theory]
    [InlineData("")]
    [InlineData("k")]
    [InlineData("-1")]
    [InlineData("1.5k")]
    [InlineData("4TiB")]
    [InlineData("four")]
    public void TryParseSize_Nonsense_Fails(string text) => Assert.False(BenchValueParsers.TryParseSize(text, out _));

    [Theory]
    [InlineData("10s", 10_000)]
    [InlineData("500ms", 500)]
    [InlineData("2m", 120_000)]
    [InlineData("1.5s", 1_500)]
    [InlineData("3", 3_000)]
    [InlineData("0", 0)]
    public void TryParseDuration_KnownForms_Parse(string text, double milliseconds)
    {
        Assert.True(BenchValueParsers.TryParseDuration(text, out var duration));
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), duration);
    }

    [Theory]
    [InlineData("")]
    [InlineData("s")]
    [InlineData("-1s")]
    [InlineData("10 parsecs")]
    [InlineData("1e999s")]
    public void TryParseDuration_Nonsense_Fails(string text) => Assert.False(BenchValueParsers.TryParseDuration(text, out _));
}
