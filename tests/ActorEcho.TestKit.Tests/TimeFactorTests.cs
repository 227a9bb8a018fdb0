using ActorEcho.Configuration;
using Microsoft.Extensions.Configuration;

namespace ActorEcho.TestKit.Tests;

[Collection(TimeFactorCollection.Name)]
public sealed class TimeFactorTests : TestKit
{
    private const string Key = "actorecho:test:timefactor";
    private readonly string? _savedVariable = Environment.GetEnvironmentVariable(TestKitSettings.TimeFactorVariable);

    public TimeFactorTests()
    {
        // Each test starts from a known environment; DisposeAsync puts back what the CI (or developer) had set.
        Environment.SetEnvironmentVariable(TestKitSettings.TimeFactorVariable, null);
    }

    public override async Task DisposeAsync()
    {
        Environment.SetEnvironmentVariable(TestKitSettings.TimeFactorVariable, _savedVariable);
        await base.DisposeAsync();
    }

    [Fact]
    public async Task Dilated_TestKitWithHoconTimeFactor2_DoublesDurations()
    {
        var kit = new TestKit("actorecho.test.timefactor = 2");
        try
        {
            Assert.Equal(2.0, kit.TestKitSettings.TimeFactor);
            Assert.Equal(TimeSpan.FromMilliseconds(300), kit.Dilated(TimeSpan.FromMilliseconds(150)));
            Assert.Equal(TimeSpan.FromMilliseconds(6000), kit.RemainingOrDefault);
        }
        finally
        {
            await kit.DisposeAsync();
        }
    }

    [Fact]
    public async Task ExpectMsgAsync_TimeFactor2_WaitsTheDilatedTimeout()
    {
        var kit = new TestKit("actorecho.test.timefactor = 2");
        try
        {
            var ex = await Assert.ThrowsAsync<TestKitAssertionException>(() => kit.ExpectMsgAsync<string>(TimeSpan.FromMilliseconds(100)));

            Assert.Contains("within 200 ms", ex.Message, StringComparison.Ordinal);
            Assert.True(FailureText.AfterMs(ex.Message) >= 180, ex.Message);
        }
        finally
        {
            await kit.DisposeAsync();
        }
    }

    [Fact]
    public void Dilated_DefaultConfiguration_LeavesDurationsUnchanged()
    {
        var settings = TestKitSettings.FromConfiguration(new ConfigurationBuilder().Build());

        Assert.Equal(1.0, settings.TimeFactor);
        Assert.Equal(TimeSpan.FromMilliseconds(150), settings.Dilated(TimeSpan.FromMilliseconds(150)));
    }

    [Fact]
    public void FromConfiguration_InMemoryTimeFactor_ScalesDilated()
    {
        var settings = TestKitSettings.FromConfiguration(Config(Key, "2.5"));

        Assert.Equal(2.5, settings.TimeFactor);
        Assert.Equal(TimeSpan.FromSeconds(5), settings.Dilated(TimeSpan.FromSeconds(2)));
        Assert.Equal(Timeout.InfiniteTimeSpan, settings.Dilated(Timeout.InfiniteTimeSpan));
    }

    [Fact]
    public void FromConfiguration_KeyAsEnvironmentVariablesProviderMapsIt_ScalesDilated()
    {
        // AddEnvironmentVariables turns ACTORECHO__TEST__TIMEFACTOR into the key ACTORECHO:TEST:TIMEFACTOR; keys are case-insensitive.
        var settings = TestKitSettings.FromConfiguration(Config("ACTORECHO:TEST:TIMEFACTOR", "3"));

        Assert.Equal(3.0, settings.TimeFactor);
        Assert.Equal(TimeSpan.FromMilliseconds(300), settings.Dilated(TimeSpan.FromMilliseconds(100)));
    }

    [Fact]
    public void FromConfiguration_EnvironmentVariableSet_OverridesConfiguredFactor()
    {
        Environment.SetEnvironmentVariable(TestKitSettings.TimeFactorVariable, "3");

        var settings = TestKitSettings.FromConfiguration(Config(Key, "2"));

        Assert.Equal(3.0, settings.TimeFactor);
        Assert.Equal(TimeSpan.FromMilliseconds(300), settings.Dilated(TimeSpan.FromMilliseconds(100)));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("Infinity")]
    [InlineData("NaN")] // fails today: NaN passes the check and dilates every timeout to zero (see the report)
    public void FromConfiguration_InvalidTimeFactor_ThrowsNamingKeyAndValue(string value)
    {
        var ex = Assert.Throws<ConfigurationValueException>(() => TestKitSettings.FromConfiguration(Config(Key, value)));

        Assert.Equal(Key, ex.Key);
        Assert.Contains(Key, ex.Message, StringComparison.Ordinal);
        Assert.Contains($"'{value}'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TestKit_InvalidHoconTimeFactor_ThrowsNamingKey()
    {
        var ex = Assert.Throws<ConfigurationValueException>(() => new TestKit("actorecho.test.timefactor = fast"));

        Assert.Contains("timefactor", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'fast'", ex.Message, StringComparison.Ordinal);
    }

    // Fails today: the message blames the configuration key although the bad value came from the environment variable.
    [Fact]
    public void FromConfiguration_InvalidEnvironmentVariable_ThrowsNamingTheVariable()
    {
        Environment.SetEnvironmentVariable(TestKitSettings.TimeFactorVariable, "slow");

        var ex = Assert.Throws<ConfigurationValueException>(() => TestKitSettings.FromConfiguration(Config(Key, "2")));

        Assert.Contains("'slow'", ex.Message, StringComparison.Ordinal);
        Assert.Contains(TestKitSettings.TimeFactorVariable, ex.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Config(string key, string value) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build();
}
