using ActorEcho.Configuration;
using ActorEcho.TestKit.Internal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Xunit;
using Xunit.Abstractions;

namespace ActorEcho.TestKit;

/// <summary>
/// Base class for xunit 2 actor tests: each test class instance gets its own actor system (configured by an optional HOCON
/// string over the reference defaults) and a <see cref="TestKitBase.TestActor"/> to receive replies; the system terminates when xunit
/// disposes the instance. Logs go to the test's output when an <see cref="ITestOutputHelper"/> is given.
/// </summary>
/// <example>
/// <code>
/// public sealed class EchoTests(ITestOutputHelper output) : TestKit("actorecho.actor.ask-timeout = 3s", output)
/// {
///     [Fact]
///     public async Task Echo_RepliesWithSameMessage()
///     {
///         var echo = Sys.ActorOf(Props.Create&lt;Echo&gt;());
///         echo.Tell("hi", TestActor);
///         await ExpectMsgAsync("hi");
///     }
/// }
/// </code>
/// </example>
public class TestKit : TestKitBase, IAsyncLifetime
{
    private readonly ILoggerFactory? _loggerFactory;
    private int _probeCounter;

    /// <summary>Creates a fresh system named after the test class, configured by <paramref name="hocon"/>.</summary>
    public TestKit(string? hocon = null, ITestOutputHelper? output = null, string? systemName = null)
        : this(CreateSystem(hocon, output, systemName, out var loggerFactory), loggerFactory)
    {
    }

    /// <summary>Uses an existing <paramref name="system"/> (terminated on dispose like an owned one).</summary>
    public TestKit(ActorSystem system)
        : this(system, null)
    {
    }

    private TestKit(ActorSystem system, ILoggerFactory? loggerFactory)
        : base(system, "testActor")
    {
        _loggerFactory = loggerFactory;
        EventFilter = new EventFilterFactory(this);
    }

    /// <summary>Builds expectations on log events and dead letters; see <see cref="EventFilterFactory"/>.</summary>
    public EventFilterFactory EventFilter { get; }

    /// <summary>Creates a probe: a stand-in actor with its own message queue and expectations.</summary>
    public TestProbe CreateTestProbe(string? name = null) =>
        new(Sys, name ?? "testProbe-" + Interlocked.Increment(ref _probeCounter).ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Creates a top-level actor in <see cref="TestKitBase.Sys"/>.</summary>
    public IActorRef ActorOf(Props props, string? name = null) => Sys.ActorOf(props, name);

    /// <summary>Creates a top-level actor of type <typeparamref name="TActor"/>.</summary>
    public IActorRef ActorOf<TActor>(string? name = null)
        where TActor : ActorBase, new() => Sys.ActorOf(Props.Create<TActor>(), name);

    /// <inheritdoc />
    public virtual Task InitializeAsync() => Task.CompletedTask;

    /// <summary>Terminates the system, waiting at most the dilated default timeout; a system that does not stop fails the test.</summary>
    public virtual async Task DisposeAsync()
    {
        try
        {
            await Sys.Terminate().WaitAsync(Dilated(TestKitSettings.DefaultTimeout) + Dilated(TimeSpan.FromSeconds(10))).ConfigureAwait(false);
        }
        catch (TimeoutException ex)
        {
            throw new TestKitAssertionException($"Actor system {Sys.Name} did not terminate in time: some actor keeps running.", ex);
        }
        finally
        {
            _loggerFactory?.Dispose();
        }
    }

    private static ActorSystem CreateSystem(string? hocon, ITestOutputHelper? output, string? systemName, out ILoggerFactory? loggerFactory)
    {
        var builder = new ConfigurationBuilder()
            .AddHoconResource(typeof(TestKit).Assembly, "ActorEcho.TestKit.reference.conf");
        if (!string.IsNullOrWhiteSpace(hocon))
        {
            builder.AddHoconString(hocon, "<test config>");
        }

        loggerFactory = output is null ? null : LoggerFactory.Create(b => b.AddProvider(new TestOutputLoggerProvider(output)).SetMinimumLevel(LogLevel.Debug));
        return ActorSystem.Create(systemName ?? "test", builder.Build(), loggerFactory);
    }
}
