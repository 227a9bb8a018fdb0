using Microsoft.Extensions.Configuration;

namespace ActorEcho.Configuration.Tests;

public sealed class ActorEchoSourcesPrecedenceTests : IDisposable
{
    // Each layer sets its own key and every key above it, so the effective value of key N names the layer that won it.
    private const string Reference = "actorecho.layer { l1 = reference, l2 = reference, l3 = reference, l4 = reference, l5 = reference }";
    private const string HostFile = "actorecho.layer { l2 = host, l3 = host, l4 = host, l5 = host }";
    private const string ConfigFile = "actorecho.layer { l3 = config, l4 = config, l5 = config }";

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static IConfigurationRoot Build(ActorEchoConfigurationOptions options) =>
        new ConfigurationBuilder()
            .AddHoconString(Reference, "reference.conf")
            .AddActorEchoSources(options)
            .Build();

    private ActorEchoConfigurationOptions AllLayers() => new()
    {
        HostConfigFile = _dir.Write("hocon/actorecho.conf", HostFile),
        ConfigFile = _dir.Write("custom.conf", ConfigFile),
        Environment = new Dictionary<string, string> { ["ACTORECHO__LAYER__L4"] = "env", ["ACTORECHO__LAYER__L5"] = "env" },
        CommandLineOverrides = [new("actorecho:layer:l5", "flag")],
    };

    [Fact]
    public void AddActorEchoSources_FiveLayers_EachLayerBeatsTheOnesBelowAndLowerLayersSupplyTheRest()
    {
        var config = Build(AllLayers());

        Assert.Equal("reference", config["actorecho:layer:l1"]);
        Assert.Equal("host", config["actorecho:layer:l2"]);
        Assert.Equal("config", config["actorecho:layer:l3"]);
        Assert.Equal("env", config["actorecho:layer:l4"]);
        Assert.Equal("flag", config["actorecho:layer:l5"]);
    }

    [Theory]
    [InlineData(1, "reference")]
    [InlineData(2, "host")]
    [InlineData(3, "config")]
    [InlineData(4, "env")]
    [InlineData(5, "flag")]
    public void AddActorEchoSources_TopLayersRemovedOneByOne_NextLayerDownWins(int layers, string expected)
    {
        var all = AllLayers();
        var options = new ActorEchoConfigurationOptions
        {
            HostConfigFile = layers >= 2 ? all.HostConfigFile : null,
            ConfigFile = layers >= 3 ? all.ConfigFile : null,
            Environment = layers >= 4 ? all.Environment : new Dictionary<string, string>(),
            CommandLineOverrides = layers >= 5 ? all.CommandLineOverrides : null,
        };

        var config = Build(options);

        Assert.Equal(expected, config["actorecho:layer:l5"]);
    }

    [Fact]
    public void AddActorEchoSources_FileLayers_OriginsNameTheFullPathOfTheWinningFile()
    {
        var host = _dir.Write("hocon/actorecho.conf", HostFile);
        var custom = _dir.Write("custom.conf", ConfigFile);
        var options = new ActorEchoConfigurationOptions
        {
            // Unnormalized paths: the sources resolve them with Path.GetFullPath.
            HostConfigFile = Path.Combine(_dir.FullPath, "hocon", ".", "actorecho.conf"),
            ConfigFile = Path.Combine(_dir.FullPath, "hocon", "..", "custom.conf"),
            Environment = new Dictionary<string, string>(),
        };

        var config = Build(options);

        Assert.Equal("reference.conf:1:24", config.GetHoconOrigin("actorecho:layer:l1"));
        Assert.Equal(host + ":1:24", config.GetHoconOrigin("actorecho:layer:l2"));
        Assert.Equal(custom + ":1:24", config.GetHoconOrigin("actorecho:layer:l3"));
    }

    [Fact]
    public void AddActorEchoSources_MissingHostFile_IsIgnored()
    {
        var options = new ActorEchoConfigurationOptions
        {
            HostConfigFile = Path.Combine(_dir.FullPath, "no-such-dir", "actorecho.conf"),
            Environment = new Dictionary<string, string>(),
        };

        var config = Build(options);

        Assert.Equal("reference", config["actorecho:layer:l2"]);
    }

    [Fact]
    public void AddActorEchoSources_MissingConfigFile_ThrowsOneLineErrorNamingTheFullPath()
    {
        var missing = Path.Combine(_dir.FullPath, "sub", "..", "missing.conf");
        var fullPath = Path.Combine(_dir.FullPath, "missing.conf");
        var options = new ActorEchoConfigurationOptions
        {
            HostConfigFile = _dir.Write("hocon/actorecho.conf", HostFile),
            ConfigFile = missing,
            Environment = new Dictionary<string, string>(),
        };
        var builder = new ConfigurationBuilder();

        var error = Assert.Throws<FileNotFoundException>(() => builder.AddActorEchoSources(options));

        Assert.Equal($"Configuration file '{fullPath}' (--config) was not found.", error.Message);
        Assert.Equal(fullPath, error.FileName);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Empty(builder.Sources);
    }

    [Fact]
    public void AddActorEchoSources_ConfigFileIsADirectory_ThrowsErrorSayingSo()
    {
        var options = new ActorEchoConfigurationOptions { ConfigFile = _dir.FullPath, Environment = new Dictionary<string, string>() };

        var error = Assert.Throws<FileNotFoundException>(() => new ConfigurationBuilder().AddActorEchoSources(options));

        Assert.Equal($"Configuration file '{_dir.FullPath}' (--config) is a directory, not a file.", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void AddActorEchoSources_EmptyConfigFilePath_ThrowsArgumentException(string path)
    {
        var options = new ActorEchoConfigurationOptions { ConfigFile = path };

        var error = Assert.Throws<ArgumentException>(() => new ConfigurationBuilder().AddActorEchoSources(options));

        Assert.Equal("options", error.ParamName);
    }

    [Fact]
    public void AddActorEchoSources_SyntaxErrorInConfigFile_BuildThrowsHoconParseExceptionWithFileLineColumn()
    {
        var custom = _dir.Write("custom.conf", "actorecho.actor {\n  ask-timeout = [ 2s\n}\n");
        var options = new ActorEchoConfigurationOptions { ConfigFile = custom, Environment = new Dictionary<string, string>() };
        var builder = new ConfigurationBuilder().AddActorEchoSources(options);

        var error = Assert.Throws<HoconParseException>(() => builder.Build());

        Assert.Equal(custom, error.SourceName);
        Assert.Equal(3, error.Line);
        Assert.Equal(1, error.Column);
        Assert.StartsWith(custom + ":3:1: expected a value in array", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddActorEchoSources_SyntaxErrorInHostFile_IsReportedEvenThoughTheFileIsOptional()
    {
        var host = _dir.Write("hocon/actorecho.conf", "actorecho.log-dead-letters = on\nactorecho.loglevel =\n");
        var options = new ActorEchoConfigurationOptions { HostConfigFile = host, Environment = new Dictionary<string, string>() };
        var builder = new ConfigurationBuilder().AddActorEchoSources(options);

        var error = Assert.Throws<HoconParseException>(() => builder.Build());

        Assert.StartsWith(host + ":3:1: expected a value for key", error.Message, StringComparison.Ordinal);
        Assert.Equal(host, error.SourceName);
    }

    [Fact]
    public void AddActorEchoSources_CommandLineOverrides_AreAddedAfterTheEnvironment()
    {
        var options = new ActorEchoConfigurationOptions
        {
            Environment = new Dictionary<string, string> { ["ACTORECHO__IO__TCP__PORT"] = "7300" },
            CommandLineOverrides = [new("actorecho:io:tcp:port", "7400")],
        };

        var providers = new ConfigurationBuilder().AddActorEchoSources(options).Build().Providers.ToList();

        Assert.Equal(2, providers.Count);
        Assert.IsType<ActorEchoEnvironmentVariablesProvider>(providers[0]);
        Assert.True(providers[1].TryGet("actorecho:io:tcp:port", out var port));
        Assert.Equal("7400", port);
    }

    [Fact]
    public void AddActorEchoSources_ProjectHostFile_IsValidHoconThatOnlyOverridesReferenceKeys()
    {
        var repoRoot = FindRepositoryRoot();
        var hostFile = Path.Combine(repoRoot, "hocon", "actorecho.conf");

        var config = new ConfigurationBuilder()
            .AddActorEchoSources(new() { HostConfigFile = hostFile, Environment = new Dictionary<string, string>() })
            .Build();

        var reference = HoconParser.ParseFile(Path.Combine(repoRoot, "hocon", "reference", "actors.conf"));
        var keys = config.AsEnumerable().Where(p => p.Value is not null).Select(p => p.Key).ToList();
        Assert.NotEmpty(keys);
        Assert.All(keys, key => Assert.NotNull(reference.Find(key.Replace(':', '.'))));
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "hocon", "reference", "actors.conf")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("hocon/reference/actors.conf not found above " + AppContext.BaseDirectory);
    }
}
