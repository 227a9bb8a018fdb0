using ActorEcho.Hosting.Tests.Infrastructure;
using ActorEcho.TestKit.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace ActorEcho.Hosting.Tests;

/// <summary>The kit itself: the test actor exists before the starters run, probes and expectations work, dispose stops the host.</summary>
public sealed class HostingTestKitTests(ITestOutputHelper output) : HostingTestKit(output, "kit")
{
    [Fact]
    public async Task Starter_SeesTheTestActor_AndTheRegistryHoldsWhatItRegistered()
    {
        await ExpectMsgAsync("starter ran");

        ActorRegistry.Get<EchoActor>().Tell("hi", TestActor);

        await ExpectMsgAsync("hi");
        Assert.Same(Sys, Host.Services.GetRequiredService<ActorSystem>());
        Assert.Equal("kit", Sys.Name);
    }

    [Fact]
    public async Task CreateTestProbe_ReceivesRepliesOfHostedActors()
    {
        var probe = CreateTestProbe();

        ActorRegistry.Get<EchoActor>().Tell("to probe", probe.Ref);

        await probe.ExpectMsgAsync("to probe");
    }

    [Fact]
    public async Task DisposeAsync_StopsTheHostAndTerminatesTheSystem()
    {
        var system = Sys;

        await DisposeAsync();

        Assert.True(system.IsTerminated);
        Assert.Throws<InvalidOperationException>(() => Host);
    }

    protected override void ConfigureActorSystem(ActorSystemBuilder builder, IServiceProvider services) =>
        builder.WithActors((system, registry, _) =>
        {
            registry.Register<EchoActor>(system.ActorOf(Props.Create<EchoActor>(), "echo"));
            TestActor.Tell("starter ran", ActorRefs.NoSender);
        });
}
