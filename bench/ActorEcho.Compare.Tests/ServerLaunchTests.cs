using ActorEcho.Compare.Model;
using ActorEcho.Compare.Running;

namespace ActorEcho.Compare.Tests;

public sealed class ServerLaunchTests
{
    [Fact]
    public void For_EveryKnownServer_HasALaunch()
    {
        var repo = new Repository("/repo");

        Assert.All(ServerKind.Known, s => Assert.Equal(s.Name, ServerLaunch.For(s.Name, repo, "/baselines").Name));
    }

    [Fact]
    public void For_RawDotNet_RunsRawEchoOnThePort()
    {
        var launch = ServerLaunch.For("raw-dotnet", new Repository("/repo"), "/baselines");

        Assert.Equal("dotnet", launch.FileName);
        Assert.Equal(["/repo/bench/ActorEcho.RawEcho/bin/Release/net10.0/RawEcho.dll", "7001"], launch.Arguments(7001));
    }
}
