using Microsoft.Extensions.Configuration;

namespace ActorEcho.Configuration.Tests;

public sealed class ConfigurationKeyValidatorTests : IDisposable
{
    private const string Reference = """
        actorecho {
          server { host = "127.0.0.1", port = 7000, drain-timeout = 5s }
          actor { ask-timeout = infinite, bounded-mailbox { mailbox-capacity = 1000 } }
          seeds = [ "a" ]
        }
        """;

    private static readonly IReadOnlySet<string> s_known = ConfigurationKeyValidator.KnownKeys(new ConfigurationBuilder().AddHoconString(Reference).Build());

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void KnownKeys_ReturnsLeafKeysInConfigurationForm()
    {
        Assert.Contains("actorecho:server:port", s_known);
        Assert.Contains("actorecho:actor:bounded-mailbox:mailbox-capacity", s_known);
        Assert.DoesNotContain("actorecho:server", s_known);
    }

    [Fact]
    public void FindLikelyTypo_SwappedLetters_NamesKeySuggestionAndFileLineCol()
    {
        // The origin points at the value, as ConfigurationValueException's do.
        var file = _dir.Write("app.conf", "actorecho {\n  server {\n    prot = 7001\n  }\n}\n");
        var config = new ConfigurationBuilder().AddHoconFile(file).Build();

        var typo = ConfigurationKeyValidator.FindLikelyTypo(config, s_known);

        Assert.NotNull(typo);
        Assert.Equal("actorecho.server.prot", typo.Key);
        Assert.Equal("actorecho.server.port", typo.Suggestion);
        Assert.Equal($"{file}:3:12: unknown key 'actorecho.server.prot' (did you mean 'actorecho.server.port'?)", typo.Message);
    }

    [Theory]
    [InlineData("actorecho:server:drain-timeot", "actorecho.server.drain-timeout")]
    [InlineData("ActorEcho:Server:Prt", "actorecho.server.port")]
    [InlineData("actorecho:srever:port", "actorecho.server.port")]
    [InlineData("actorecho:actor:ask-timeouts", "actorecho.actor.ask-timeout")]
    public void FindLikelyTypo_KeyWithinDistanceTwo_SuggestsClosestKnownKey(string key, string suggestion)
    {
        var config = InMemory((key, "1"));

        var typo = ConfigurationKeyValidator.FindLikelyTypo(config, s_known);

        Assert.NotNull(typo);
        Assert.Equal(suggestion, typo.Suggestion);
        Assert.Null(typo.Origin);
        Assert.StartsWith("unknown key '", typo.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("actorecho:server:port")]
    [InlineData("ACTORECHO:SERVER:PORT")]
    [InlineData("actorecho:my-app:anything")]
    [InlineData("actorecho:actor:my-dispatcher:throughput")]
    [InlineData("actorecho:seeds:3")]
    [InlineData("other:server:prot")]
    public void FindLikelyTypo_KnownUnrelatedOrOutsideRoot_ReturnsNull(string key)
    {
        Assert.Null(ConfigurationKeyValidator.FindLikelyTypo(InMemory((key, "1")), s_known));
    }

    [Fact]
    public void FindLikelyTypo_SectionWithoutValue_IsNotAKey()
    {
        var config = new ConfigurationBuilder().AddHoconString("actorecho.server.prot {}").Build();

        Assert.Null(ConfigurationKeyValidator.FindLikelyTypo(config, s_known));
    }

    [Fact]
    public void FindLikelyTypo_MaxDistanceOne_IgnoresKeysTwoEditsAway()
    {
        var config = InMemory(("actorecho:server:pxrx", "1"));

        Assert.NotNull(ConfigurationKeyValidator.FindLikelyTypo(config, s_known));
        Assert.Null(ConfigurationKeyValidator.FindLikelyTypo(config, s_known, maxDistance: 1));
    }

    [Fact]
    public void ThrowOnLikelyTypo_TwoTypos_ReportsTheFirstInKeyOrder()
    {
        var config = InMemory(("actorecho:server:prot", "1"), ("actorecho:server:hots", "x"));

        var ex = Assert.Throws<UnknownConfigurationKeyException>(() => ConfigurationKeyValidator.ThrowOnLikelyTypo(config, s_known));

        Assert.Equal("actorecho.server.hots", ex.Key);
        Assert.Equal("actorecho.server.host", ex.Suggestion);
    }

    [Fact]
    public void FindLikelyTypo_LayeredWithAddConfiguration_StillFindsTheOrigin()
    {
        var file = _dir.Write("inner.conf", "actorecho.server.prot = 1\n");
        var inner = new ConfigurationBuilder().AddHoconFile(file).Build();
        var outer = new ConfigurationBuilder().AddConfiguration(inner).Build();

        var typo = ConfigurationKeyValidator.FindLikelyTypo(outer, s_known);

        Assert.Equal($"{file}:1:25", typo?.Origin);
    }

    private static IConfigurationRoot InMemory(params (string Key, string Value)[] pairs) =>
        new ConfigurationBuilder().AddInMemoryCollection(pairs.Select(p => new KeyValuePair<string, string?>(p.Key, p.Value))).Build();
}
