using Microsoft.Extensions.Configuration;

namespace ActorEcho.Configuration.Tests;

public sealed class ProviderTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void AddHoconString_PathKeys_MapToColonSeparatedKeys()
    {
        var config = new ConfigurationBuilder()
            .AddHoconString("actorecho.io.tcp.max-connections = 1000\nactorecho { io { tcp { port = 7000 } } }")
            .Build();

        Assert.Equal("1000", config["actorecho:io:tcp:max-connections"]);
        Assert.Equal("7000", config["ActorEcho:IO:TCP:Port"]);
    }

    [Fact]
    public void AddHoconString_Arrays_MapToIndexedKeys()
    {
        var config = new ConfigurationBuilder()
            .AddHoconString("a = [x, y]\nseeds = [ { host = h1, port = 1 }, { host = h2 } ]\nnested = [[1, 2], [3]]")
            .Build();

        Assert.Equal("x", config["a:0"]);
        Assert.Equal("y", config["a:1"]);
        Assert.Equal("h1", config["seeds:0:host"]);
        Assert.Equal("1", config["seeds:0:port"]);
        Assert.Equal("h2", config["seeds:1:host"]);
        Assert.Equal("3", config["nested:1:0"]);
        Assert.Equal(["x", "y"], config.GetSection("a").Get<string[]>()!);
    }

    [Fact]
    public void AddHoconString_ScalarsKeepLiteralTextAndNullIsPresent()
    {
        var config = new ConfigurationBuilder()
            .AddHoconString("b = true\nn = 1.50\nd = 5 seconds\ns = 64KiB\nz = null\nempty {}\nnone = []")
            .Build();

        Assert.Equal("true", config["b"]);
        Assert.Equal("1.50", config["n"]);
        Assert.Equal("5 seconds", config["d"]);
        Assert.Equal("64KiB", config["s"]);
        Assert.Contains(config.AsEnumerable(), pair => pair.Key == "z" && pair.Value is null);
        Assert.True(config.Providers.Single().TryGet("z", out var nullValue));
        Assert.Null(nullValue);
        Assert.False(config.Providers.Single().TryGet("empty", out _));
        Assert.False(config.Providers.Single().TryGet("none", out _));
    }

    [Fact]
    public void AddHoconString_ParseError_ThrowsHoconParseExceptionWithSourceName()
    {
        var builder = new ConfigurationBuilder().AddHoconString("a = [", "defaults.conf");

        var error = Assert.Throws<HoconParseException>(() => builder.Build());

        Assert.Equal("defaults.conf", error.SourceName);
    }

    [Fact]
    public void AddHoconStream_ReadsStreamWithoutDisposingIt()
    {
        using var stream = new MemoryStream("a.b = 1"u8.ToArray());

        var config = new ConfigurationBuilder().AddHoconStream(stream, "stream.conf").Build();

        Assert.Equal("1", config["a:b"]);
        Assert.Equal("stream.conf:1:7", config.GetHoconOrigin("a:b"));
        Assert.True(stream.CanRead);
    }

    [Fact]
    public void AddHoconResource_EmbeddedDefaults_AreLoadedWithResourceOrigin()
    {
        var config = new ConfigurationBuilder()
            .AddHoconResource(typeof(ProviderTests).Assembly, "ActorEcho.Configuration.Tests.reference.conf")
            .Build();

        Assert.Equal("7000", config["actorecho:io:tcp:port"]);
        Assert.Equal("ActorEcho.Configuration.Tests.reference.conf:5:14", config.GetHoconOrigin("actorecho:io:tcp:port"));
    }

    [Fact]
    public void AddHoconResource_UnknownName_ThrowsListingAvailableResources()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            new ConfigurationBuilder().AddHoconResource(typeof(ProviderTests).Assembly, "nope.conf"));

        Assert.Contains("ActorEcho.Configuration.Tests.reference.conf", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddHoconFile_RecordsOriginOfEachKey()
    {
        var path = _dir.Write("app.conf", "a {\n  b = 1\n  list = [x,\n    y]\n}\na.b = 2");

        var config = new ConfigurationBuilder().AddHoconFile(path).Build();

        Assert.Equal("2", config["a:b"]);
        Assert.Equal(path + ":6:7", config.GetHoconOrigin("a:b"));
        Assert.Equal(path + ":4:5", config.GetHoconOrigin("a:list:1"));
        Assert.Null(config.GetHoconOrigin("missing"));
    }

    [Fact]
    public void AddHoconFile_RelativePath_UsesBasePathAndIncludesRelativeToFile()
    {
        _dir.Write("conf/app.conf", "include \"shared.conf\"\nlocal = 1");
        _dir.Write("conf/shared.conf", "shared = 2");

        var config = new ConfigurationBuilder().SetBasePath(_dir.FullPath).AddHoconFile("conf/app.conf").Build();

        Assert.Equal("1", config["local"]);
        Assert.Equal("2", config["shared"]);
        Assert.Equal("conf/app.conf:2:9", config.GetHoconOrigin("local"));
        Assert.Equal(Path.Combine("conf", "shared.conf") + ":1:10", config.GetHoconOrigin("shared"));
    }

    [Fact]
    public void AddHoconFile_MissingOptionalFile_AddsNothing()
    {
        var config = new ConfigurationBuilder().AddHoconFile(Path.Combine(_dir.FullPath, "absent.conf"), optional: true).Build();

        Assert.Empty(config.AsEnumerable());
    }

    [Fact]
    public void AddHoconFile_MissingRequiredFile_Throws()
    {
        var builder = new ConfigurationBuilder().AddHoconFile(Path.Combine(_dir.FullPath, "absent.conf"));

        Assert.Throws<FileNotFoundException>(() => builder.Build());
    }

    [Fact]
    public void AddHoconFile_SyntaxError_ThrowsHoconParseExceptionNotWrapper()
    {
        var path = _dir.Write("bad.conf", "a = 1\nb = [\n");

        var error = Assert.Throws<HoconParseException>(() => new ConfigurationBuilder().AddHoconFile(path).Build());

        Assert.Equal(path + ":3:1: expected ']' to close array opened at 2:5, found end of input", error.Message);
    }

    [Fact]
    public void GetHoconOrigin_ValueFromLaterNonHoconProvider_IsNull()
    {
        var config = new ConfigurationBuilder()
            .AddHoconString("a = 1\nb = 2")
            .AddInMemoryCollection(new Dictionary<string, string?> { ["a"] = "override" })
            .Build();

        Assert.Null(config.GetHoconOrigin("a"));
        Assert.Equal("<string>:2:5", config.GetHoconOrigin("b"));
    }

    [Fact]
    public void GetHoconOrigin_SubstitutedValue_PointsAtDefinition()
    {
        var config = new ConfigurationBuilder().AddHoconString("base = 10s\ncopy = ${base}").Build();

        Assert.Equal("<string>:1:8", config.GetHoconOrigin("copy"));
    }
}
