using ActorEcho.Configuration;
using Microsoft.Extensions.Configuration;

namespace ActorEcho.Actors.Tests;

/// <summary>
/// The precedence of issue 3 seen from a real <see cref="ActorSystem"/>: embedded reference &lt; host file &lt;
/// --config file &lt; ACTORECHO__ environment variables &lt; command-line flags.
/// </summary>
public sealed class ConfigurationPrecedenceTests : IDisposable
{
    private static readonly TimeSpan TerminateTimeout = TimeSpan.FromSeconds(10);

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "actorecho-precedence-" + Guid.NewGuid().ToString("N"));

    public ConfigurationPrecedenceTests() => Directory.CreateDirectory(_dir);

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private string Write(string name, string hocon)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, hocon);
        return path;
    }

    private static async Task<ActorSystemSettings> SettingsOf(ActorEchoConfigurationOptions options)
    {
        var configuration = new ConfigurationBuilder().AddActorEchoSources(options).Build();
        var system = ActorSystem.Create("precedence", configuration);
        try
        {
            return system.Settings;
        }
        finally
        {
            await system.Terminate().WaitAsync(TerminateTimeout);
        }
    }

    [Fact]
    public async Task Create_NothingOverrides_ReferenceDefaultsApply()
    {
        var settings = await SettingsOf(new() { Environment = new Dictionary<string, string>() });

        Assert.Equal(30, settings.DefaultDispatcherThroughput);
        Assert.Null(settings.AskTimeout);
        Assert.True(settings.LogDeadLetters);
    }

    [Fact]
    public async Task Create_ConfigFileSetsAskTimeout_SettingsUseItAndReferenceSuppliesTheRest()
    {
        var settings = await SettingsOf(new()
        {
            ConfigFile = Write("custom.conf", "actorecho.actor.ask-timeout = 2s"),
            Environment = new Dictionary<string, string>(),
        });

        Assert.Equal(TimeSpan.FromSeconds(2), settings.AskTimeout);
        Assert.Equal(30, settings.DefaultDispatcherThroughput);
    }

    [Fact]
    public async Task Create_HostFileAndConfigFile_ConfigFileWins()
    {
        var settings = await SettingsOf(new()
        {
            HostConfigFile = Write("actorecho.conf", "actorecho.actor { ask-timeout = 1s, default-dispatcher.throughput = 10 }"),
            ConfigFile = Write("custom.conf", "actorecho.actor.ask-timeout = 2s"),
            Environment = new Dictionary<string, string>(),
        });

        Assert.Equal(TimeSpan.FromSeconds(2), settings.AskTimeout);
        Assert.Equal(10, settings.DefaultDispatcherThroughput);
    }

    [Fact]
    public async Task Create_EnvironmentVariableAndConfigFile_EnvironmentWins()
    {
        var settings = await SettingsOf(new()
        {
            ConfigFile = Write("custom.conf", "actorecho.actor.ask-timeout = 2s"),
            Environment = new Dictionary<string, string> { ["ACTORECHO__ACTOR__ASK-TIMEOUT"] = "3s" },
        });

        Assert.Equal(TimeSpan.FromSeconds(3), settings.AskTimeout);
    }

    [Fact]
    public async Task Create_CommandLineOverrideAndEnvironmentVariable_CommandLineWins()
    {
        var settings = await SettingsOf(new()
        {
            ConfigFile = Write("custom.conf", "actorecho.actor.ask-timeout = 2s"),
            Environment = new Dictionary<string, string>
            {
                ["ACTORECHO__ACTOR__ASK-TIMEOUT"] = "3s",
                ["ACTORECHO__ACTOR__DEFAULT-DISPATCHER__THROUGHPUT"] = "7",
            },
            CommandLineOverrides = [new("actorecho:actor:ask-timeout", "4s")],
        });

        Assert.Equal(TimeSpan.FromSeconds(4), settings.AskTimeout);
        Assert.Equal(7, settings.DefaultDispatcherThroughput);
    }

    [Fact]
    public void Create_BadEnvironmentValue_FailsNamingTheKey()
    {
        var configuration = new ConfigurationBuilder()
            .AddActorEchoSources(new() { Environment = new Dictionary<string, string> { ["ACTORECHO__ACTOR__ASK-TIMEOUT"] = "soon" } })
            .Build();

        var error = Assert.Throws<ConfigurationValueException>(() => ActorSystem.Create("precedence", configuration));

        Assert.Equal("actorecho:actor:ask-timeout: actorecho:actor:ask-timeout = 'soon' is not a valid duration (e.g. 5s, 250ms, infinite)", error.Message);
    }
}
