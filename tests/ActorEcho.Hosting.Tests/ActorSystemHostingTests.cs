using System.Collections.Concurrent;
using ActorEcho.Actors.Shutdown;
using ActorEcho.Hosting.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace ActorEcho.Hosting.Tests;

/// <summary>AddActorSystem with a real Generic Host: starters, registry, injection, and the lifecycle tied to the host's.</summary>
public sealed class ActorSystemHostingTests(ITestOutputHelper output)
{
    private readonly CollectingLoggerProvider _logs = new(output);

    [Fact]
    public async Task Start_StartersRunInRegistrationOrder_SyncAndAsyncInterleaved()
    {
        var order = new ConcurrentQueue<string>();
        var builder = TestHosts.CreateBuilder(_logs);
        builder.AddActorSystem("order", (system, _) => system
            .WithActors((_, _, _) => order.Enqueue("first"))
            .WithActors(async (_, _, _, ct) =>
            {
                await Task.Yield();
                order.Enqueue("second");
            })
            .WithActors((_, _, _) => order.Enqueue("third")));
        builder.Services.ConfigureActorSystem((system, _) => system.WithActors((_, _, _) => order.Enqueue("contributed")));
        using var host = builder.Build();

        await host.StartBoundedAsync();
        try
        {
            Assert.Equal(["first", "second", "third", "contributed"], order);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Fact]
    public async Task Registry_ActorRegisteredByStarter_FoundThroughRegistryAndRequiredActor()
    {
        var builder = TestHosts.CreateBuilder(_logs);
        builder.AddActorSystem("registry", (system, _) => system
            .WithActors((sys, registry, _) => registry.Register<EchoActor>(sys.ActorOf(Props.Create<EchoActor>(), "echo"))));
        var host = builder.Build();
        await host.StartBoundedAsync();
        try
        {
            var registry = host.Services.GetRequiredService<ActorRegistry>();
            var required = host.Services.GetRequiredService<IRequiredActor<EchoActor>>();

            Assert.EndsWith("/user/echo", registry.Get<EchoActor>().Path.ToString(), StringComparison.Ordinal);
            Assert.Same(registry.Get<EchoActor>(), required.ActorRef);
            Assert.Equal("ping", await required.ActorRef.Ask<string>("ping", TimeSpan.FromSeconds(10)));
        }
        finally
        {
            await host.StopAndDisposeAsync();
        }
    }

    [Fact]
    public async Task RequiredActor_HostedServiceRegisteredFirst_WaitsWithGetAsyncUntilTheStarterRegisters()
    {
        var builder = TestHosts.CreateBuilder(_logs);
        builder.Services.AddSingleton<EchoUser>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<EchoUser>());
        builder.AddActorSystem("required", (system, _) => system
            .WithActors((sys, registry, _) => registry.Register<EchoActor>(sys.ActorOf(Props.Create<EchoActor>(), "echo"))));
        var host = builder.Build();
        await host.StartBoundedAsync();
        try
        {
            var user = host.Services.GetRequiredService<EchoUser>();
            Assert.Equal("via hosted service", await user.Reply.WaitAsync(TestHosts.Generous));
        }
        finally
        {
            await host.StopAndDisposeAsync();
        }
    }

    [Fact]
    public async Task Start_ActorSystemResolvedFromServices_IsTheHostedOneAndShutdownHookIsOff()
    {
        var builder = TestHosts.CreateBuilder(_logs);
        builder.Configuration["actorecho:coordinated-shutdown:run-by-clr-shutdown-hook"] = "on";
        builder.AddActorSystem("hook", (_, _) => { });
        var host = builder.Build();
        await host.StartBoundedAsync();
        var system = host.Services.GetRequiredService<ActorSystem>();
        try
        {
            Assert.Equal("hook", system.Name);
            Assert.False(system.Settings.RunShutdownOnProcessExit);
        }
        finally
        {
            await host.StopAndDisposeAsync();
        }

        Assert.True(system.IsTerminated);
    }

    [Fact]
    public async Task Start_StarterThrows_ErrorLoggedOnceSystemTerminatedLaterStartersSkippedAndStartThrows()
    {
        var laterRan = false;
        var builder = TestHosts.CreateBuilder(_logs);
        builder.AddActorSystem("failing", (system, _) => system
            .WithActors((sys, _, _) => sys.ActorOf(Props.Create<EchoActor>(), "started-before-failure"))
            .WithActors((_, _, _) => throw new InvalidOperationException("starter exploded"))
            .WithActors((_, _, _) => laterRan = true));
        var host = builder.Build();
        try
        {
            var ex = await Assert.ThrowsAsync<InvalidOperationException>(host.StartBoundedAsync);

            Assert.Equal("starter exploded", ex.Message);
            Assert.False(laterRan);
            Assert.True(host.Services.GetRequiredService<ActorSystem>().IsTerminated);
            var error = Assert.Single(_logs.Entries, e => e.Level >= LogLevel.Error);
            Assert.Same(ex, error.Exception);
            Assert.Single(_logs.Entries, e => e.Exception is not null || e.Message.Contains("starter exploded", StringComparison.Ordinal));
        }
        finally
        {
            await ((IAsyncDisposable)host).DisposeAsync();
        }
    }

    [Fact]
    public async Task Stop_ShutdownTaskIgnoresItsToken_StopReturnsAtTheHostsTimeoutAndSaysSo()
    {
        var builder = TestHosts.CreateBuilder(_logs, shutdownTimeout: TimeSpan.FromMilliseconds(500));
        var stuck = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        builder.AddActorSystem("slow", (system, _) => system
            .AddHocon("actorecho.coordinated-shutdown.phases.service-stop.timeout = 120s")
            .WithActors((sys, _, _) => CoordinatedShutdown.Get(sys).AddTask(CoordinatedShutdown.PhaseServiceStop, "stuck", _ => stuck.Task)));
        var host = builder.Build();
        await host.StartBoundedAsync();
        try
        {
            // The host's own token fires after 500 ms; the phase would wait 120 s. Stop must return long before that.
            await host.StopAsync().WaitAsync(TestHosts.Generous);

            Assert.Contains(_logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("within the host's shutdown timeout", StringComparison.Ordinal));
        }
        finally
        {
            stuck.TrySetResult();
            await ((IAsyncDisposable)host).DisposeAsync();
        }
    }

    [Fact]
    public async Task Terminate_SystemTerminatesOnItsOwn_HostStopsAndExitCodeIsNonZero()
    {
        var previousExitCode = Environment.ExitCode;
        var builder = TestHosts.CreateBuilder(_logs);
        builder.AddActorSystem("self-terminating", (_, _) => { });
        var host = builder.Build();
        await host.StartBoundedAsync();
        try
        {
            var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
            var stopping = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using var registration = lifetime.ApplicationStopping.Register(() => stopping.TrySetResult());
            Environment.ExitCode = 0;

            await host.Services.GetRequiredService<ActorSystem>().Terminate().WaitAsync(TestHosts.Generous);

            await stopping.Task.WaitAsync(TestHosts.Generous);
            Assert.Equal(1, Environment.ExitCode);
            await host.WaitForShutdownAsync().WaitAsync(TestHosts.Generous);
            Assert.Contains(_logs.Entries, e => e.Level == LogLevel.Error && e.Message.Contains("terminated on its own", StringComparison.Ordinal));
        }
        finally
        {
            Environment.ExitCode = previousExitCode;
            await ((IAsyncDisposable)host).DisposeAsync();
        }
    }

    [Fact]
    public async Task Stop_ByTheHost_DoesNotTouchTheExitCode()
    {
        var builder = TestHosts.CreateBuilder(_logs);
        builder.AddActorSystem("clean", (_, _) => { });
        var host = builder.Build();
        await host.StartBoundedAsync();
        var system = host.Services.GetRequiredService<ActorSystem>();

        await host.StopAndDisposeAsync();

        Assert.True(system.IsTerminated);
        Assert.DoesNotContain(_logs.Entries, e => e.Message.Contains("terminated on its own", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Dispose_HostNeverStarted_SystemResolvedEarlierIsTerminated()
    {
        var builder = TestHosts.CreateBuilder(_logs);
        builder.AddActorSystem("never-started", (_, _) => { });
        var host = builder.Build();
        var system = host.Services.GetRequiredService<ActorSystem>();

        host.Dispose();

        await system.WhenTerminated.WaitAsync(TestHosts.Generous);
    }

    [Fact]
    public void AddActorSystem_Twice_Throws()
    {
        var services = new ServiceCollection();
        services.AddActorSystem("one", (_, _) => { });

        var ex = Assert.Throws<InvalidOperationException>(() => services.AddActorSystem("two", (_, _) => { }));

        Assert.Contains("already registered", ex.Message, StringComparison.Ordinal);
    }

    /// <summary>A hosted service that needs the echo actor during its own start, before the actor system's starters have run.</summary>
    private sealed class EchoUser(IRequiredActor<EchoActor> echo) : BackgroundService
    {
        private readonly TaskCompletionSource<string> _reply = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<string> Reply => _reply.Task;

        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            var actor = await echo.GetAsync(stoppingToken);
            _reply.TrySetResult(await actor.Ask<string>("via hosted service", TimeSpan.FromSeconds(10), stoppingToken));
        }
    }
}
