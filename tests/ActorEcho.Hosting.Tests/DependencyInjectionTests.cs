using ActorEcho.Hosting.Tests.Infrastructure;
using ActorEcho.TestKit.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit.Abstractions;

namespace ActorEcho.Hosting.Tests;

/// <summary>
/// resolver.Props: constructor dependencies from the host's services, a scope per actor instance disposed when the instance is
/// discarded (stop, restart, host stop). Written on <see cref="HostingTestKit"/>, as a user would.
/// </summary>
public sealed class DependencyInjectionTests(ITestOutputHelper output) : HostingTestKit(output)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    private IDependencyResolver Resolver => Host.Services.GetRequiredService<IDependencyResolver>();

    private DisposalLog Disposals => Host.Services.GetRequiredService<DisposalLog>();

    [Fact]
    public async Task Props_ActorWithServicesAndArgument_GetsSingletonScopedAndArgument()
    {
        var greeter = Sys.ActorOf(Resolver.Props<GreeterActor>("» "), "greeter");

        greeter.Tell("world", TestActor);

        await ExpectMsgAsync("» hello, world");
    }

    [Fact]
    public async Task Props_TwoActors_EachGetsItsOwnScope()
    {
        var first = await ScopeIdAsync(Sys.ActorOf(Resolver.Props<GreeterActor>(""), "a"));
        var second = await ScopeIdAsync(Sys.ActorOf(Resolver.Props<GreeterActor>(""), "b"));

        Assert.NotEqual(first, second);
        Assert.False(Disposals.IsDisposed(first));
    }

    [Fact]
    public async Task Props_ActorStops_ItsScopeIsDisposed()
    {
        var greeter = Sys.ActorOf(Resolver.Props<GreeterActor>(""), "greeter");
        var id = await ScopeIdAsync(greeter);

        Sys.Stop(greeter);

        await Disposals.WhenDisposed(id).WaitAsync(Bound);
    }

    [Fact]
    public async Task Props_ActorRestarts_OldScopeDisposedAndNewInstanceGetsANewOne()
    {
        var greeter = Sys.ActorOf(Resolver.Props<GreeterActor>(""), "greeter");
        var before = await ScopeIdAsync(greeter);

        greeter.Tell("fail", TestActor);
        var after = await ScopeIdAsync(greeter);

        Assert.NotEqual(before, after);
        await Disposals.WhenDisposed(before).WaitAsync(Bound);
        Assert.False(Disposals.IsDisposed(after));
    }

    [Fact]
    public async Task Props_HostStops_ScopesOfRunningActorsAreDisposed()
    {
        var id = await ScopeIdAsync(Sys.ActorOf(Resolver.Props<GreeterActor>(""), "greeter"));
        var disposals = Disposals;

        await Host.StopAsync().WaitAsync(Bound);

        await disposals.WhenDisposed(id).WaitAsync(Bound);
    }

    [Fact]
    public void Props_NotAnActorType_Throws() =>
        Assert.Throws<ArgumentException>(() => Resolver.Props(typeof(string)));

    [Fact]
    public void Props_NullArgument_ThrowsNamingItsPosition()
    {
        var ex = Assert.Throws<ArgumentException>(() => Resolver.Props<GreeterActor>((object)null!));

        Assert.StartsWith("Argument 0 for GreeterActor is null", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Props_MissingDependency_ActorFailsToStart()
    {
        var actor = await WatchAsync(Sys.ActorOf(Resolver.Props<NeedsUnregistered>(), "needy"));

        await ExpectTerminatedAsync(actor);
    }

    [Fact]
    public async Task Props_ConstructorThrows_TheScopeItWasGivenIsDisposed()
    {
        var actor = await WatchAsync(Sys.ActorOf(Resolver.Props<ThrowsInConstructor>(TestActor), "thrower"));
        var id = await ExpectMsgAsync<int>();

        await Disposals.WhenDisposed(id).WaitAsync(Bound);
        await ExpectTerminatedAsync(actor);
    }

    [Fact]
    public async Task Props_FromAStarter_ActorRegisteredAndInjectable()
    {
        var greeter = await Host.Services.GetRequiredService<IRequiredActor<GreeterActor>>().GetAsync();

        greeter.Tell("starter", TestActor);

        await ExpectMsgAsync("hello, starter");
    }

    protected override void ConfigureServices(HostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<Greeting>();
        builder.Services.AddSingleton<DisposalLog>();
        builder.Services.AddScoped<ScopedResource>();
    }

    protected override void ConfigureActorSystem(ActorSystemBuilder builder, IServiceProvider services) =>
        builder.WithActors((system, registry, resolver) => registry.Register<GreeterActor>(system.ActorOf(resolver.Props<GreeterActor>(string.Empty), "registered-greeter")));

    private async Task<int> ScopeIdAsync(IActorRef greeter)
    {
        greeter.Tell("scope", TestActor);
        return await ExpectMsgAsync<int>();
    }

    private sealed class ThrowsInConstructor : ActorBase
    {
        public ThrowsInConstructor(ScopedResource resource, IActorRef probe)
        {
            probe.Tell(resource.Id, null);
            throw new InvalidOperationException("constructor failed");
        }

        protected override bool Receive(object message) => false;
    }

    private sealed class NeedsUnregistered(Uri notRegistered) : ActorBase
    {
        protected override bool Receive(object message) => notRegistered is null;
    }
}
