using System.Collections;
using Microsoft.Extensions.Configuration;

namespace ActorEcho.Configuration.Tests;

public sealed class EnvironmentVariablesTests
{
    private static IConfigurationRoot Build(IDictionary environment) =>
        new ConfigurationBuilder().AddActorEchoEnvironmentVariables(environment).Build();

    private static Dictionary<string, string?> Keys(IConfigurationRoot config) =>
        config.AsEnumerable(makePathsRelative: false).Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

    [Fact]
    public void AddActorEchoEnvironmentVariables_UpperCaseName_MapsToLowerCaseKeyUnderActorEchoRoot()
    {
        var config = Build(new Dictionary<string, string> { ["ACTORECHO__ACTOR__ASK-TIMEOUT"] = "3s" });

        Assert.Equal(new Dictionary<string, string?> { ["actorecho:actor:ask-timeout"] = "3s" }, Keys(config));
    }

    [Fact]
    public void AddActorEchoEnvironmentVariables_PrefixInAnyCase_IsAccepted()
    {
        var config = Build(new Dictionary<string, string>
        {
            ["actorecho__loglevel"] = "Debug",
            ["ActorEcho__Actor__Guardian-Supervisor-Strategy"] = "stopping",
        });

        Assert.Equal(
            new Dictionary<string, string?>
            {
                ["actorecho:loglevel"] = "Debug",
                ["actorecho:actor:guardian-supervisor-strategy"] = "stopping",
            },
            Keys(config));
    }

    [Fact]
    public void AddActorEchoEnvironmentVariables_DashAndSingleUnderscore_StayLiteral()
    {
        var config = Build(new Dictionary<string, string>
        {
            ["ACTORECHO__IO__TCP__MAX-CONNECTIONS"] = "500",
            ["ACTORECHO__IO__TCP__MAX_BACKLOG"] = "7",
        });

        Assert.Equal("500", config["actorecho:io:tcp:max-connections"]);
        Assert.Equal("7", config["actorecho:io:tcp:max_backlog"]);
        Assert.Null(config["actorecho:io:tcp:max-backlog"]);
    }

    [Fact]
    public void AddActorEchoEnvironmentVariables_OtherVariables_AreIgnored()
    {
        var config = Build(new Dictionary<string, string>
        {
            ["PATH"] = "/usr/bin",
            ["ACTORECHO_PORT"] = "1",
            ["ACTORECHOX__PORT"] = "2",
            ["MY_ACTORECHO__PORT"] = "3",
            ["ACTORECHO__PORT"] = "4",
        });

        Assert.Equal(new Dictionary<string, string?> { ["actorecho:port"] = "4" }, Keys(config));
    }

    [Theory]
    [InlineData("ACTORECHO__")]
    [InlineData("ACTORECHO____PORT")]
    [InlineData("ACTORECHO__IO____PORT")]
    [InlineData("ACTORECHO__IO__")]
    public void AddActorEchoEnvironmentVariables_EmptySegment_IsSkipped(string name)
    {
        var config = Build(new Dictionary<string, string> { [name] = "x" });

        Assert.Empty(Keys(config));
    }

    [Fact]
    public void AddActorEchoEnvironmentVariables_RootRepeatedInName_IsNotSpecial()
    {
        var config = Build(new Dictionary<string, string> { ["ACTORECHO__ACTORECHO__IO__TCP__PORT"] = "7001" });

        Assert.Equal("7001", config["actorecho:actorecho:io:tcp:port"]);
        Assert.Null(config["actorecho:io:tcp:port"]);
    }

    [Fact]
    public void AddActorEchoEnvironmentVariables_NamesDifferingOnlyInCase_ResultDoesNotDependOnEnumerationOrder()
    {
        var upperFirst = new Dictionary<string, string> { ["ACTORECHO__PORT"] = "1", ["actorecho__port"] = "2" };
        var lowerFirst = new Dictionary<string, string> { ["actorecho__port"] = "2", ["ACTORECHO__PORT"] = "1" };

        Assert.Equal("2", Build(upperFirst)["actorecho:port"]);
        Assert.Equal("2", Build(lowerFirst)["actorecho:port"]);
    }

    [Fact]
    public void AddActorEchoEnvironmentVariables_NonStringValue_IsReadAsItsText()
    {
        var config = Build(new Hashtable { ["ACTORECHO__IO__TCP__PORT"] = 7001, [42] = "not a name" });

        Assert.Equal(new Dictionary<string, string?> { ["actorecho:io:tcp:port"] = "7001" }, Keys(config));
    }

    [Fact]
    public void AddActorEchoEnvironmentVariables_TypedGetters_ConvertTheStrings()
    {
        var config = Build(new Dictionary<string, string>
        {
            ["ACTORECHO__ACTOR__ASK-TIMEOUT"] = "3s",
            ["ACTORECHO__IO__BUFFER-SIZE"] = "64KiB",
            ["ACTORECHO__LOG-DEAD-LETTERS"] = "off",
            ["ACTORECHO__IO__TCP__PORT"] = "7001",
        });

        Assert.Equal(TimeSpan.FromSeconds(3), config.GetDuration("actorecho:actor:ask-timeout", TimeSpan.Zero));
        Assert.Equal(64 * 1024, config.GetByteSize("actorecho:io:buffer-size", 0));
        Assert.False(config.GetBoolean("actorecho:log-dead-letters", true));
        Assert.Equal(7001, config.GetInt32("actorecho:io:tcp:port", 0));
    }

    [Fact]
    public void AddActorEchoEnvironmentVariables_BadValue_ErrorStartsWithTheKey()
    {
        var config = Build(new Dictionary<string, string> { ["ACTORECHO__ACTOR__ASK-TIMEOUT"] = "soon" });

        var error = Assert.Throws<ConfigurationValueException>(() => config.GetDuration("actorecho:actor:ask-timeout", TimeSpan.Zero));

        Assert.Equal("actorecho:actor:ask-timeout: actorecho:actor:ask-timeout = 'soon' is not a valid duration (e.g. 5s, 250ms)", error.Message);
        Assert.Null(config.GetHoconOrigin("actorecho:actor:ask-timeout"));
    }

    [Fact]
    public void AddActorEchoEnvironmentVariables_NoDictionary_ReadsOnlyActorEchoKeysFromTheProcess()
    {
        var config = new ConfigurationBuilder().AddActorEchoEnvironmentVariables().Build();

        Assert.All(Keys(config).Keys, key => Assert.StartsWith("actorecho:", key, StringComparison.Ordinal));
    }

    [Fact]
    public void AddActorEchoEnvironmentVariables_ReloadAfterDictionaryChanges_SeesTheNewValue()
    {
        var environment = new Dictionary<string, string> { ["ACTORECHO__PORT"] = "1" };
        var config = Build(environment);

        environment["ACTORECHO__PORT"] = "2";
        config.Reload();

        Assert.Equal("2", config["actorecho:port"]);
    }
}
