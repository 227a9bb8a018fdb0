using ActorEcho.Hosting;
using ActorEcho.TestKit.Internal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Xunit;
using Xunit.Abstractions;

namespace ActorEcho.TestKit.Hosting;

/// <summary>
/// Base class for tests of actors that live in a Generic Host (they need dependency injection, the <see cref="ActorRegistry"/>, or
/// hosted services): each test class instance builds and starts a real <see cref="IHost"/> whose actor system is <see cref="TestKitBase.Sys"/>,
/// with <see cref="TestKitBase.TestActor"/>, probes and every TestKit expectation, and stops the host when xunit disposes it.
/// </summary>
/// <remarks>
/// Order in <see cref="InitializeAsync"/>: <see cref="ConfigureServices"/> → host built → actor system created (running
/// <see cref="ConfigureActorSystem"/>) → test actor created → host started (running the starters, which may use
/// <see cref="TestKitBase.TestActor"/>). Logs go to the test's output when an <see cref="ITestOutputHelper"/> is given.
/// </remarks>
/// <example>
/// <code>
/// public sealed class GreeterTests(ITestOutputHelper output) : HostingTestKit(output)
/// {
///     protected override void ConfigureServices(HostApplicationBuilder builder) => builder.Services.AddSingleton&lt;IGreeting, Hello&gt;();
///
///     protected override void ConfigureActorSystem(ActorSystemBuilder builder, IServiceProvider services) =>
///         builder.WithActors((system, registry, resolver) => registry.Register&lt;Greeter&gt;(system.ActorOf(resolver.Props&lt;Greeter&gt;(), "greeter")));
///
///     [Fact]
///     public async Task Greet_RepliesWithInjectedGreeting()
///     {
///         ActorRegistry.Get&lt;Greeter&gt;().Tell("world", TestActor);
///         await ExpectMsgAsync("hello, world");
///     }
/// }
/// </code>
/// </example>
public abstract class HostingTestKit : TestKitBase, IAsyncLifetime
{
    private readonly ITestOutputHelper? _output;
    private readonly string _systemName;
    private IHost? _host;
    private int _probeCounter;

    /// <summary>Prepares a kit whose actor system is named <paramref name="systemName"/>; the host is built in <see cref="InitializeAsync"/>.</summary>
    protected HostingTestKit(ITestOutputHelper? output = null, string systemName = "test")
    {
        _output = output;
        _systemName = systemName;
        EventFilter = new EventFilterFactory(this);
    }

    /// <summary>The running host.</summary>
    /// <exception cref="InvalidOperationException">Used before <see cref="InitializeAsync"/>.</exception>
    public IHost Host => _host ?? throw new InvalidOperationException("The host is built in InitializeAsync; it is not available in the constructor.");

    /// <summary>The host's actor registry.</summary>
    public ActorRegistry ActorRegistry => Host.Services.GetRequiredService<ActorRegistry>();

    /// <summary>Builds expectations on log events and dead letters; see <see cref="EventFilterFactory"/>.</summary>
    public EventFilterFactory EventFilter { get; }

    /// <summary>How long the host may take to start and to stop (dilated); 10 s by default.</summary>
    protected virtual TimeSpan StartupTimeout => TimeSpan.FromSeconds(10);

    /// <summary>Creates a probe: a stand-in actor with its own message queue and expectations.</summary>
    public TestProbe CreateTestProbe(string? name = null) =>
        new(Sys, name ?? "testProbe-" + Interlocked.Increment(ref _probeCounter).ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Builds and starts the host.</summary>
    public virtual async Task InitializeAsync()
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings
        {
            ApplicationName = GetType().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.SetMinimumLevel(LogLevel.Debug);
        if (_output is not null)
        {
            builder.Logging.AddProvider(new TestOutputLoggerProvider(_output));
        }

        builder.Services.AddActorSystem(_systemName, (system, services) =>
        {
            system.AddReferenceConfiguration(typeof(HostingTestKit).Assembly, "ActorEcho.TestKit.reference.conf");
            ConfigureActorSystem(system, services);
        });
        ConfigureServices(builder);

        var host = builder.Build();
        try
        {
            InitializeTest(host.Services.GetRequiredService<ActorSystem>(), "testActor");
            _host = host;
        }
        catch
        {
            await DisposeHostAsync(host).ConfigureAwait(false);
            throw;
        }

        await BeforeHostStartAsync().ConfigureAwait(false);
        using var cts = new CancellationTokenSource(Dilated(StartupTimeout));
        await host.StartAsync(cts.Token).ConfigureAwait(false);
    }

    /// <summary>Stops the host (coordinated shutdown of the actor system), bounded by the dilated <see cref="StartupTimeout"/>, and disposes it.</summary>
    public virtual async Task DisposeAsync()
    {
        if (_host is { } host)
        {
            _host = null;
            try
            {
                using var cts = new CancellationTokenSource(Dilated(StartupTimeout));
                await host.StopAsync(cts.Token).ConfigureAwait(false);
            }
            finally
            {
                await DisposeHostAsync(host).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Adds the services the actors under test need; the actor system is already registered.</summary>
    protected virtual void ConfigureServices(HostApplicationBuilder builder)
    {
    }

    /// <summary>Describes the actor system: HOCON, starters (which may use <see cref="TestKitBase.TestActor"/>), logging.</summary>
    protected abstract void ConfigureActorSystem(ActorSystemBuilder builder, IServiceProvider services);

    /// <summary>Runs after the test actor exists and before the host starts.</summary>
    protected virtual Task BeforeHostStartAsync() => Task.CompletedTask;

    private static async Task DisposeHostAsync(IHost host)
    {
        if (host is IAsyncDisposable asyncDisposable)
        {
            await asyncDisposable.DisposeAsync().ConfigureAwait(false);
        }
        else
        {
            host.Dispose();
        }
    }
}
