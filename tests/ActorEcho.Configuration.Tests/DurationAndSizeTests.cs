namespace ActorEcho.Configuration.Tests;

public class DurationAndSizeTests
{
    [Theory]
    [InlineData("5s", 5 * TimeSpan.TicksPerSecond)]
    [InlineData("250ms", 250 * TimeSpan.TicksPerMillisecond)]
    [InlineData("2 minutes", 2 * TimeSpan.TicksPerMinute)]
    [InlineData("1.5h", 90 * TimeSpan.TicksPerMinute)]
    [InlineData("10 us", 100L)]
    [InlineData("3d", 3 * TimeSpan.TicksPerDay)]
    [InlineData("100", 100 * TimeSpan.TicksPerMillisecond)]
    [InlineData("1 second", TimeSpan.TicksPerSecond)]
    [InlineData("500 nanos", 5L)]
    [InlineData("1m", TimeSpan.TicksPerMinute)]
    [InlineData(" 7 hours ", 7 * TimeSpan.TicksPerHour)]
    [InlineData("0", 0L)]
    public void HoconDuration_ValidText_ParsesToTicks(string text, long ticks)
    {
        Assert.Equal(TimeSpan.FromTicks(ticks), HoconDuration.Parse(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("s")]
    [InlineData("5 parsecs")]
    [InlineData("5S")]
    [InlineData("1.2.3s")]
    [InlineData("infinite")]
    [InlineData("99999999999999999999999d")]
    public void HoconDuration_InvalidText_IsRejected(string text)
    {
        Assert.False(HoconDuration.TryParse(text, out _));
        Assert.Throws<FormatException>(() => HoconDuration.Parse(text));
    }

    [Theory]
    [InlineData("64KiB", 65_536L)]
    [InlineData("1m", 1_048_576L)]
    [InlineData("1M", 1_048_576L)]
    [InlineData("1MiB", 1_048_576L)]
    [InlineData("1MB", 1_000_000L)]
    [InlineData("512 bytes", 512L)]
    [InlineData("10k", 10_240L)]
    [InlineData("1kB", 1_000L)]
    [InlineData("1g", 1_073_741_824L)]
    [InlineData("1GB", 1_000_000_000L)]
    [InlineData("1.5 KiB", 1_536L)]
    [InlineData("100", 100L)]
    [InlineData("2 mebibytes", 2_097_152L)]
    public void HoconByteSize_ValidText_ParsesToBytes(string text, long bytes)
    {
        Assert.Equal(bytes, HoconByteSize.Parse(text));
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("10 parsecs")]
    [InlineData("KiB")]
    [InlineData("9999999EiB")]
    [InlineData("1 kb")]
    public void HoconByteSize_InvalidText_IsRejected(string text)
    {
        Assert.False(HoconByteSize.TryParse(text, out _));
        Assert.Throws<FormatException>(() => HoconByteSize.Parse(text));
    }
}
