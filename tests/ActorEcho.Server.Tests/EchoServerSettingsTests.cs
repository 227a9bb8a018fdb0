using System.Net;
using ActorEcho.Configuration;
using Microsoft.Extensions.Configuration;

namespace ActorEcho.Server.Tests;

/// <summary>EchoServerSettings: reference defaults, overrides, validation errors that name the key and where it was set.</summary>
public sealed class EchoServerSettingsTests
{
    private static EchoServerSettings Read(string hocon) =>
        EchoServerSettings.FromConfiguration(new ConfigurationBuilder().AddHoconString(hocon, "test.conf").Build());

    private static ConfigurationValueException ReadFails(string hocon) =>
        Assert.Throws<ConfigurationValueException>(() => Read(hocon));

    [Fact]
    public void FromConfiguration_Empty_UsesReferenceDefaults()
    {
        var settings = EchoServerSettings.FromConfiguration(new ConfigurationBuilder().Build());

        Assert.Equal(EchoServerSettings.Default, settings);
        Assert.Equal(IPAddress.Loopback, settings.Host);
        Assert.Equal(7000, settings.Port);
        Assert.Equal(1024, settings.Backlog);
        Assert.Equal(256 * 1024, settings.HighWaterMark);
        Assert.Equal(64 * 1024, settings.LowWaterMark);
        Assert.Equal(32 * 1024, settings.AckEvery);
        Assert.Null(settings.IdleTimeout);
        Assert.Equal(string.Empty, settings.Greeting);
        Assert.Equal(0, settings.MaxBytesPerConnection);
        Assert.Equal(TimeSpan.FromMilliseconds(100), settings.RebindInitialBackoff);
        Assert.Equal(TimeSpan.FromSeconds(10), settings.RebindMaxBackoff);
        Assert.Equal(TimeSpan.FromSeconds(5), settings.DrainTimeout);
        Assert.Equal(TimeSpan.FromMilliseconds(200), settings.DrainQuietPeriod);
    }

    [Fact]
    public void FromConfiguration_Overrides_ReadsEveryKey()
    {
        var settings = Read("""
            actorecho.server {
              host = localhost
              port = 0
              backlog = 16
              high-water-mark = 1MiB
              low-water-mark = 100KiB
              ack-every = 0
              idle-timeout = 30s
              greeting = "Hello World"
              max-bytes-per-connection = 10MB
              rebind-initial-backoff = 5ms
              rebind-max-backoff = 1s
              drain-timeout = 2s
              drain-quiet-period = 0s
            }
            """);

        Assert.Equal(IPAddress.Loopback, settings.Host);
        Assert.Equal(0, settings.Port);
        Assert.Equal(16, settings.Backlog);
        Assert.Equal(1024 * 1024, settings.HighWaterMark);
        Assert.Equal(100 * 1024, settings.LowWaterMark);
        Assert.Equal(0, settings.AckEvery);
        Assert.Equal(TimeSpan.FromSeconds(30), settings.IdleTimeout);
        Assert.Equal("Hello World", settings.Greeting);
        Assert.Equal(10_000_000, settings.MaxBytesPerConnection);
        Assert.Equal(TimeSpan.FromMilliseconds(5), settings.RebindInitialBackoff);
        Assert.Equal(TimeSpan.FromSeconds(1), settings.RebindMaxBackoff);
        Assert.Equal(TimeSpan.FromSeconds(2), settings.DrainTimeout);
        Assert.Equal(TimeSpan.Zero, settings.DrainQuietPeriod);
        Assert.Equal(new IPEndPoint(IPAddress.Loopback, 0), settings.LocalEndPoint);
    }

    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("::1")]
    [InlineData("192.168.1.20")]
    public void FromConfiguration_IpAddressHost_Parsed(string host)
    {
        var settings = Read($"actorecho.server.host = \"{host}\"");

        Assert.Equal(IPAddress.Parse(host), settings.Host);
    }

    [Fact]
    public void FromConfiguration_PortOutOfRange_ErrorNamesKeyAndOrigin()
    {
        var error = ReadFails("actorecho.server {\n  port = 70000\n}");

        Assert.Equal("actorecho:server:port", error.Key);
        Assert.StartsWith("test.conf:2:", error.Message, StringComparison.Ordinal);
        Assert.Contains("actorecho:server:port = '70000' must be between 0 and 65535", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromConfiguration_HostNotAnAddress_ErrorNamesKey()
    {
        var error = ReadFails("actorecho.server.host = \"example.com\"");

        Assert.Equal("actorecho:server:host", error.Key);
        Assert.Contains("must be an IP address", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("test.conf:1:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromConfiguration_LowWaterMarkNotBelowHigh_ErrorNamesLowWaterMark()
    {
        var error = ReadFails("actorecho.server { high-water-mark = 64KiB, low-water-mark = 64KiB }");

        Assert.Equal("actorecho:server:low-water-mark", error.Key);
        Assert.Contains("must be below high-water-mark", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromConfiguration_LowWaterMarkAboveDefaultHigh_ErrorNamesKey()
    {
        var error = ReadFails("actorecho.server.low-water-mark = 1MiB");

        Assert.Equal("actorecho:server:low-water-mark", error.Key);
    }

    [Fact]
    public void FromConfiguration_MalformedSize_ErrorNamesKeyAndOrigin()
    {
        var error = ReadFails("actorecho.server.high-water-mark = lots");

        Assert.Equal("actorecho:server:high-water-mark", error.Key);
        Assert.StartsWith("test.conf:1:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromConfiguration_MalformedIdleTimeout_ErrorNamesKey()
    {
        var error = ReadFails("actorecho.server.idle-timeout = soon");

        Assert.Equal("actorecho:server:idle-timeout", error.Key);
    }

    [Fact]
    public void FromConfiguration_ZeroIdleTimeout_ErrorNamesKey()
    {
        var error = ReadFails("actorecho.server.idle-timeout = 0s");

        Assert.Equal("actorecho:server:idle-timeout", error.Key);
        Assert.Contains("positive duration or 'off'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("backlog = 0", "actorecho:server:backlog")]
    [InlineData("port = -1", "actorecho:server:port")]
    [InlineData("rebind-initial-backoff = 0ms", "actorecho:server:rebind-initial-backoff")]
    [InlineData("rebind-max-backoff = 50ms", "actorecho:server:rebind-max-backoff")]
    [InlineData("drain-timeout = 0s", "actorecho:server:drain-timeout")]
    [InlineData("drain-quiet-period = -1s", "actorecho:server:drain-quiet-period")]
    [InlineData("max-bytes-per-connection = -5", "actorecho:server:max-bytes-per-connection")]
    public void FromConfiguration_OutOfRange_ErrorNamesKey(string line, string key)
    {
        var error = ReadFails("actorecho.server." + line);

        Assert.Equal(key, error.Key);
        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void With_ValidValues_CopiesAndKeepsOthers()
    {
        var settings = EchoServerSettings.Default with { Port = 0, Greeting = "hi" };

        Assert.Equal(0, settings.Port);
        Assert.Equal("hi", settings.Greeting);
        Assert.Equal(EchoServerSettings.Default.HighWaterMark, settings.HighWaterMark);
        Assert.Equal(7000, EchoServerSettings.Default.Port);
    }

    [Fact]
    public void With_OutOfRangeValue_ThrowsNamingProperty()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => EchoServerSettings.Default with { Port = 65536 });

        Assert.Equal(nameof(EchoServerSettings.Port), error.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => EchoServerSettings.Default with { HighWaterMark = -1 });
        Assert.Throws<ArgumentOutOfRangeException>(() => EchoServerSettings.Default with { IdleTimeout = TimeSpan.Zero });
    }

    [Fact]
    public void ReferenceConf_EveryKey_HasCommentAbove()
    {
        using var stream = typeof(EchoServerSettings).Assembly.GetManifestResourceStream(EchoServerSettings.ReferenceResource)!;
        using var reader = new StreamReader(stream);
        var lines = reader.ReadToEnd().Split('\n');

        var keys = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Contains('=', StringComparison.Ordinal) && !line.StartsWith('#'))
            {
                keys++;
                Assert.True(i > 0 && lines[i - 1].Trim().StartsWith('#'), $"server.conf line {i + 1} ('{line}') has no comment right above it");
            }
        }

        Assert.Equal(13, keys);
    }
}
