using Microsoft.Extensions.Configuration;

namespace ActorEcho.Configuration.Tests;

public class TypedGetterTests
{
    private static IConfigurationRoot Build(string hocon, Dictionary<string, string?>? overrides = null) =>
        new ConfigurationBuilder()
            .AddHoconString(hocon, "actorecho.conf")
            .AddInMemoryCollection(overrides ?? [])
            .Build();

    [Fact]
    public void GetDuration_ValidMissingAndNull_ReturnValueOrDefault()
    {
        var config = Build("a.timeout = 1.5s\na.none = null");

        Assert.Equal(TimeSpan.FromMilliseconds(1500), config.GetDuration("a:timeout", TimeSpan.Zero));
        Assert.Equal(TimeSpan.FromSeconds(9), config.GetDuration("a:missing", TimeSpan.FromSeconds(9)));
        Assert.Equal(TimeSpan.FromSeconds(9), config.GetDuration("a:none", TimeSpan.FromSeconds(9)));
    }

    [Fact]
    public void GetDuration_InvalidHoconValue_MessageStartsWithOrigin()
    {
        var config = Build("actorecho {\n  ask-timeout = soon\n}");

        var error = Assert.Throws<ConfigurationValueException>(() => config.GetDuration("actorecho:ask-timeout", TimeSpan.Zero));

        Assert.Equal("actorecho.conf:2:17: actorecho:ask-timeout = 'soon' is not a valid duration (e.g. 5s, 250ms)", error.Message);
        Assert.Equal("actorecho.conf:2:17", error.Origin);
        Assert.Equal("actorecho:ask-timeout", error.Key);
        Assert.Equal("soon", error.Value);
    }

    [Fact]
    public void GetDuration_InvalidOverrideFromNonHoconSource_MessageStartsWithKey()
    {
        var config = Build("t = 5s", new() { ["t"] = "fast" });

        var error = Assert.Throws<ConfigurationValueException>(() => config.GetDuration("t", TimeSpan.Zero));

        Assert.Equal("t: t = 'fast' is not a valid duration (e.g. 5s, 250ms)", error.Message);
        Assert.Null(error.Origin);
    }

    [Fact]
    public void GetDuration_OnSection_ReportsFullKey()
    {
        var section = Build("a { b { t = never } }").GetSection("a:b");

        var error = Assert.Throws<ConfigurationValueException>(() => section.GetDuration("t", TimeSpan.Zero));

        Assert.Equal("a:b:t: a:b:t = 'never' is not a valid duration (e.g. 5s, 250ms)", error.Message);
    }

    [Theory]
    [InlineData("infinite")]
    [InlineData("off")]
    [InlineData("none")]
    [InlineData("Infinite")]
    public void GetDurationOrInfinite_InfiniteWords_ReturnNull(string word)
    {
        Assert.Null(Build("t = " + word).GetDurationOrInfinite("t", TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void GetDurationOrInfinite_DurationMissingAndInvalid_BehaveLikeGetDuration()
    {
        var config = Build("t = 250ms\nbad = sometimes");

        Assert.Equal(TimeSpan.FromMilliseconds(250), config.GetDurationOrInfinite("t", null));
        Assert.Equal(TimeSpan.FromSeconds(3), config.GetDurationOrInfinite("missing", TimeSpan.FromSeconds(3)));
        var error = Assert.Throws<ConfigurationValueException>(() => config.GetDurationOrInfinite("bad", null));
        Assert.Equal("actorecho.conf:2:7: bad = 'sometimes' is not a valid duration (e.g. 5s, 250ms, infinite)", error.Message);
    }

    [Fact]
    public void GetDuration_InfiniteWhenNotAllowed_IsInvalid()
    {
        Assert.Throws<ConfigurationValueException>(() => Build("t = infinite").GetDuration("t", TimeSpan.Zero));
    }

    [Fact]
    public void GetByteSize_ValidAndInvalid()
    {
        var config = Build("buf = 64KiB\nbad = lots");

        Assert.Equal(65_536, config.GetByteSize("buf", 0));
        Assert.Equal(7, config.GetByteSize("missing", 7));
        var error = Assert.Throws<ConfigurationValueException>(() => config.GetByteSize("bad", 0));
        Assert.Equal("actorecho.conf:2:7: bad = 'lots' is not a valid byte size (e.g. 64KiB, 10MB)", error.Message);
    }

    [Fact]
    public void GetInt32_ValidAndInvalid()
    {
        var config = Build("port = 7000\nbad = 12x\nhuge = 99999999999");

        Assert.Equal(7000, config.GetInt32("port", 0));
        Assert.Equal(5, config.GetInt32("missing", 5));
        Assert.Equal("actorecho.conf:2:7: bad = '12x' is not a valid integer (e.g. 42)", Assert.Throws<ConfigurationValueException>(() => config.GetInt32("bad", 0)).Message);
        Assert.Throws<ConfigurationValueException>(() => config.GetInt32("huge", 0));
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("yes", true)]
    [InlineData("on", true)]
    [InlineData("ON", true)]
    [InlineData("false", false)]
    [InlineData("no", false)]
    [InlineData("off", false)]
    public void GetBoolean_HoconWords_AreAccepted(string word, bool expected)
    {
        Assert.Equal(expected, Build("flag = " + word).GetBoolean("flag", !expected));
    }

    [Fact]
    public void GetBoolean_Invalid_Throws()
    {
        var error = Assert.Throws<ConfigurationValueException>(() => Build("flag = maybe").GetBoolean("flag", false));

        Assert.Equal("actorecho.conf:1:8: flag = 'maybe' is not a valid boolean (e.g. true, off)", error.Message);
    }

    [Fact]
    public void GetString_MissingOrNull_ReturnsDefault()
    {
        var config = Build("name = echo\nnothing = null");

        Assert.Equal("echo", config.GetString("name", "x"));
        Assert.Equal("x", config.GetString("missing", "x"));
        Assert.Equal("x", config.GetString("nothing", "x"));
    }

    [Fact]
    public void OutOfRange_UsesOriginAndExpectation()
    {
        var config = Build("actorecho.io.tcp.port = 70000");

        var error = ConfigurationValueException.OutOfRange(config, "actorecho:io:tcp:port", "70000", "must be between 1 and 65535");

        Assert.Equal("actorecho.conf:1:25: actorecho:io:tcp:port = '70000' must be between 1 and 65535", error.Message);
        Assert.IsAssignableFrom<InvalidOperationException>(error);
    }
}
