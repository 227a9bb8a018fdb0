using Microsoft.Extensions.Configuration;

namespace ActorEcho.TestKit.Tests;

public sealed class TestKitSettingsTests : TestKit
{
    public TestKitSettingsTests()
        : base("actorecho.test.single-expect-default = 400ms\nactorecho.test.expect-no-message-default = 70ms")
    {
    }

    [Fact]
    public async Task TestKitSettings_ReferenceDefaults_AreReadFromEmbeddedConf()
    {
        var kit = new TestKit();
        try
        {
            Assert.Equal(TimeSpan.FromSeconds(3), kit.TestKitSettings.SingleExpectDefault);
            Assert.Equal(TimeSpan.FromSeconds(5), kit.TestKitSettings.DefaultTimeout);
            Assert.Equal(TimeSpan.FromSeconds(3), kit.TestKitSettings.FilterLeeway);
            Assert.Equal(TimeSpan.FromMilliseconds(100), kit.TestKitSettings.ExpectNoMessageDefault);
        }
        finally
        {
            await kit.DisposeAsync();
        }
    }

    [Fact]
    public void TestKitSettings_HoconOfTestKit_OverridesDefaults()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(400), TestKitSettings.SingleExpectDefault);
        Assert.Equal(TimeSpan.FromMilliseconds(70), TestKitSettings.ExpectNoMessageDefault);
        Assert.Equal(TimeSpan.FromSeconds(5), TestKitSettings.DefaultTimeout);
    }

    [Fact]
    public void FromConfiguration_Durations_AreRead()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["actorecho:test:single-expect-default"] = "2s",
            ["actorecho:test:default-timeout"] = "4s",
            ["actorecho:test:filter-leeway"] = "250ms",
            ["actorecho:test:expect-no-message-default"] = "50ms",
        }).Build();

        var settings = TestKitSettings.FromConfiguration(configuration);

        Assert.Equal(TimeSpan.FromSeconds(2), settings.SingleExpectDefault);
        Assert.Equal(TimeSpan.FromSeconds(4), settings.DefaultTimeout);
        Assert.Equal(TimeSpan.FromMilliseconds(250), settings.FilterLeeway);
        Assert.Equal(TimeSpan.FromMilliseconds(50), settings.ExpectNoMessageDefault);
    }

    [Fact]
    public void FromConfiguration_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => TestKitSettings.FromConfiguration(null!));
    }

    [Fact]
    public async Task ExpectMsgAsync_NoTimeout_UsesConfiguredSingleExpectDefault()
    {
        var ex = await Assert.ThrowsAsync<TestKitAssertionException>(() => ExpectMsgAsync<string>());

        Assert.Contains($"within {FailureText.Ms(Dilated(TimeSpan.FromMilliseconds(400)))}", ex.Message, StringComparison.Ordinal);
    }
}
