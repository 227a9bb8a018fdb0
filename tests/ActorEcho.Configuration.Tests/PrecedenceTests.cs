using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Primitives;

namespace ActorEcho.Configuration.Tests;

public sealed class PrecedenceTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Build_AllLayers_LastSourceWinsAndEarlierOnesSupplyTheRest()
    {
        var prefix = "ACTORECHO_TEST_" + Guid.NewGuid().ToString("N") + "__";
        var projectFile = _dir.Write("hocon/actorecho.conf", "actorecho.io.tcp { port = 7100, host = \"project\", backlog = 200 }");
        var configFile = _dir.Write("custom.conf", "actorecho.io.tcp { port = 7200, host = \"custom\" }");
        Environment.SetEnvironmentVariable(prefix + "actorecho__io__tcp__port", "7300");
        try
        {
            var config = new ConfigurationBuilder()
                .AddHoconResource(typeof(PrecedenceTests).Assembly, "ActorEcho.Configuration.Tests.reference.conf")
                .AddHoconFile(projectFile)
                .AddHoconFile(configFile)
                .AddEnvironmentVariables(prefix)
                .AddInMemoryCollection(new Dictionary<string, string?> { ["actorecho:io:tcp:port"] = "7400" })
                .Build();

            Assert.Equal("7400", config["actorecho:io:tcp:port"]);
            Assert.Equal("custom", config["actorecho:io:tcp:host"]);
            Assert.Equal("200", config["actorecho:io:tcp:backlog"]);
            Assert.Equal("1000", config["actorecho:io:tcp:max-connections"]);
            Assert.Equal("ActorEcho.Configuration.Tests.reference.conf:8:25", config.GetHoconOrigin("actorecho:io:tcp:max-connections"));
            Assert.Equal(configFile + ":1:40", config.GetHoconOrigin("actorecho:io:tcp:host"));
            Assert.Null(config.GetHoconOrigin("actorecho:io:tcp:port"));
        }
        finally
        {
            Environment.SetEnvironmentVariable(prefix + "actorecho__io__tcp__port", null);
        }
    }

    [Fact]
    public void Build_WithoutFlags_EnvironmentBeatsFiles()
    {
        var prefix = "ACTORECHO_TEST_" + Guid.NewGuid().ToString("N") + "__";
        var configFile = _dir.Write("custom.conf", "actorecho.io.tcp.port = 7200");
        Environment.SetEnvironmentVariable(prefix + "actorecho__io__tcp__port", "7300");
        try
        {
            var config = new ConfigurationBuilder()
                .AddHoconResource(typeof(PrecedenceTests).Assembly, "ActorEcho.Configuration.Tests.reference.conf")
                .AddHoconFile(configFile)
                .AddEnvironmentVariables(prefix)
                .Build();

            Assert.Equal("7300", config["actorecho:io:tcp:port"]);
        }
        finally
        {
            Environment.SetEnvironmentVariable(prefix + "actorecho__io__tcp__port", null);
        }
    }

    [Fact]
    public async Task AddHoconFile_ReloadOnChange_PicksUpNewValue()
    {
        var path = _dir.Write("reload.conf", "value = 1");
        var config = new ConfigurationBuilder().AddHoconFile(path, optional: false, reloadOnChange: true).Build();
        Assert.Equal("1", config["value"]);
        var reloaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var registration = ChangeToken.OnChange(config.GetReloadToken, () =>
        {
            if (config["value"] == "2")
            {
                reloaded.TrySetResult();
            }
        });

        await File.WriteAllTextAsync(path, "value = 2");

        await reloaded.Task.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal("2", config["value"]);
        Assert.Equal(path + ":1:9", config.GetHoconOrigin("value"));
    }

    [Fact]
    public async Task AddHoconFile_ReloadWithSyntaxError_KeepsLastGoodValues()
    {
        var path = _dir.Write("reload.conf", "value = 1");
        var config = new ConfigurationBuilder().AddHoconFile(path, optional: false, reloadOnChange: true).Build();
        var provider = config.Providers.OfType<HoconConfigurationProvider>().Single();
        var failed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var registration = ChangeToken.OnChange(config.GetReloadToken, () =>
        {
            if (provider.LastReloadError is not null)
            {
                failed.TrySetResult();
            }
        });

        // Replace the file in one step so the watcher never sees a half-written (empty) file.
        var staging = _dir.Write("reload.tmp", "value = [ broken");
        File.Move(staging, path, overwrite: true);

        await failed.Task.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal("1", config["value"]);
        Assert.StartsWith(path + ":1:17: expected ']'", provider.LastReloadError!.Message, StringComparison.Ordinal);
        Assert.Throws<HoconParseException>(() => config.Reload());
    }
}
