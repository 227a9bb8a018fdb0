using ActorEcho.Configuration;
using Microsoft.Extensions.Configuration;

namespace ActorEcho.Actors.Tests;

/// <summary>Bad settings fail ActorSystem.Create with one line that names the file:line:col, the key and the value.</summary>
public sealed class SettingsValidationTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("actorecho-settings-").FullName;

    [Theory]
    [InlineData("actorecho.actor.default-dispatcher.throughput = 0", "actorecho:actor:default-dispatcher:throughput", "'0'", "at least 1")]
    [InlineData("actorecho.actor.default-mailbox.mailbox-capacity = -5", "actorecho:actor:default-mailbox:mailbox-capacity", "'-5'", "at least 0")]
    [InlineData("actorecho.coordinated-shutdown.phases.service-unbind.timeout = 0s", "actorecho:coordinated-shutdown:phases:service-unbind:timeout", "'0s'", "positive duration")]
    [InlineData("actorecho.loglevel = Loud", "actorecho:loglevel", "'Loud'", "Information")]
    public void Create_BadValueInHoconFile_NamesFileLineColumnKeyAndValue(string line, string key, string value, string expectation)
    {
        var path = Path.Combine(_directory, "bad.conf");
        File.WriteAllText(path, "# a comment line\n" + line + "\n");
        var configuration = new ConfigurationBuilder().AddHoconFile(path).Build();

        var error = Assert.Throws<ConfigurationValueException>(() => ActorSystem.Create("settings", configuration));

        Assert.StartsWith($"{path}:2:", error.Message, StringComparison.Ordinal);
        Assert.Contains(key, error.Message, StringComparison.Ordinal);
        Assert.Contains(value, error.Message, StringComparison.Ordinal);
        Assert.Contains(expectation, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void GetHoconOrigin_ThroughAddConfigurationLayer_FindsTheFile()
    {
        var path = Path.Combine(_directory, "layer.conf");
        File.WriteAllText(path, "a {\n  b = 1\n}\n");
        var inner = new ConfigurationBuilder().AddHoconFile(path).Build();
        var layered = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["a:c"] = "2" }).AddConfiguration(inner).Build();

        Assert.Equal($"{path}:2:7", layered.GetHoconOrigin("a:b")); // the position of the value
        Assert.Null(layered.GetHoconOrigin("a:c"));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
