using System.Net;
using System.Text;
using ActorEcho.Hosting;
using ActorEcho.Server;
using ActorEcho.Server.Hosting;
using ActorEcho.TestKit.Hosting;
using ActorEcho.TestFixtures;
using EmbeddedEcho.Greeting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit.Abstractions;

namespace ActorEcho.Tests.Samples;

/// <summary>
/// The sample's own actor under <see cref="HostingTestKit"/>, registered the way the sample registers it (<c>WithGreeter</c>), next to
/// an echo server on port 0: the pattern for testing application actors that need dependency injection.
/// </summary>
public sealed class GreeterTests(ITestOutputHelper output) : HostingTestKit(output, "greeter-tests")
{
    [Fact]
    public async Task Greet_Twice_RepliesWithTheInjectedSalutationAndCountsGreetings()
    {
        var greeter = ActorRegistry.Get<Greeter>();

        greeter.Tell(new Greeter.Greet("world"), TestActor);
        await ExpectMsgAsync(new Greeter.Greeting("howdy, world", 1));

        greeter.Tell(new Greeter.Greet("again"), TestActor);
        await ExpectMsgAsync(new Greeter.Greeting("howdy, again", 2));
    }

    [Fact]
    public async Task EchoServer_NextToTheGreeter_EchoesOnItsBoundPort()
    {
        var address = EchoServerBindings.For(Sys).Get<EchoServer>().LocalAddress;
        Assert.Equal(IPAddress.Loopback, address.Address);
        var payload = Encoding.ASCII.GetBytes("ping\n");

        using var client = await LoopbackClient.ConnectAsync(address.Port);
        await client.SendAsync(payload);

        Assert.Equal(payload, await client.ReceiveExactlyAsync(payload.Length));
        Assert.Same(ActorRegistry.Get<EchoServer>(), Host.Services.GetRequiredService<IRequiredActor<EchoServer>>().ActorRef);
    }

    protected override void ConfigureServices(HostApplicationBuilder builder) =>
        builder.Services.Configure<GreeterOptions>(options => options.Salutation = "howdy");

    protected override void ConfigureActorSystem(ActorSystemBuilder builder, IServiceProvider services) =>
        builder.WithGreeter().WithEchoServer(settings => settings with { Port = 0 });
}
