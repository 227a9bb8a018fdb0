using ActorEcho.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace ActorEcho.Actors;

/// <summary>
/// The runtime's settings, read once from configuration (<c>actorecho.*</c>, defaults in the embedded <c>reference/actors.conf</c>)
/// and validated at start-up: a bad value fails <see cref="ActorSystem.Create(string, IConfiguration, Microsoft.Extensions.Logging.ILoggerFactory?)"/>
/// with a message naming the key. Nothing on a per-message path reads configuration.
/// </summary>
public sealed class ActorSystemSettings
{
    private ActorSystemSettings(IConfiguration configuration)
    {
        Configuration = configuration;
        AskTimeout = configuration.GetDurationOrInfinite("actorecho:actor:ask-timeout", null);
        LogDeadLetters = configuration.GetBoolean("actorecho:log-dead-letters", true);
        var logLevel = configuration.GetString("actorecho:loglevel", "Information");
        LogLevel = Enum.TryParse<LogLevel>(logLevel, ignoreCase: true, out var level) && Enum.IsDefined(level)
            ? level
            : throw ConfigurationValueException.OutOfRange(configuration, "actorecho:loglevel", logLevel, "one of Trace, Debug, Information, Warning, Error, Critical, None");
        var guardianStrategy = configuration.GetString("actorecho:actor:guardian-supervisor-strategy", "default");
        GuardianStoppingStrategy = guardianStrategy switch
        {
            "default" => false,
            "stopping" => true,
            _ => throw ConfigurationValueException.OutOfRange(configuration, "actorecho:actor:guardian-supervisor-strategy", guardianStrategy, "'default' or 'stopping'"),
        };
        DefaultPhaseTimeout = configuration.GetPositiveDuration("actorecho:coordinated-shutdown:default-phase-timeout", TimeSpan.FromSeconds(5));
        TerminateActorSystemOnShutdown = configuration.GetBoolean("actorecho:coordinated-shutdown:terminate-actor-system", true);
        RunShutdownOnTerminate = configuration.GetBoolean("actorecho:coordinated-shutdown:run-by-actor-system-terminate", true);
        RunShutdownOnProcessExit = configuration.GetBoolean("actorecho:coordinated-shutdown:run-by-clr-shutdown-hook", true);
        DefaultDispatcherThroughput = ReadThroughput(configuration, "actorecho:actor:" + Props.DefaultDispatcherId);
        DefaultMailboxCapacity = ReadCapacity(configuration, "actorecho:actor:" + Props.DefaultMailboxId);
    }

    /// <summary>The whole configuration the system was created with (reference defaults included).</summary>
    public IConfiguration Configuration { get; }

    /// <summary><c>actorecho.actor.ask-timeout</c>: the timeout of asks that give none; null means wait forever (the default, as in Akka.NET).</summary>
    public TimeSpan? AskTimeout { get; }

    /// <summary><c>actorecho.loglevel</c>: the lowest level actor and runtime log entries are written at (providers may filter further).</summary>
    public LogLevel LogLevel { get; }

    /// <summary><c>actorecho.log-dead-letters</c>: log the first dead letter of each message type (later ones are counted).</summary>
    public bool LogDeadLetters { get; }

    /// <summary><c>actorecho.actor.guardian-supervisor-strategy</c>: true when top-level actors are stopped rather than restarted on failure.</summary>
    public bool GuardianStoppingStrategy { get; }

    /// <summary><c>actorecho.coordinated-shutdown.default-phase-timeout</c>.</summary>
    public TimeSpan DefaultPhaseTimeout { get; }

    /// <summary><c>actorecho.coordinated-shutdown.terminate-actor-system</c>: the last shutdown phase terminates the actor system.</summary>
    public bool TerminateActorSystemOnShutdown { get; }

    /// <summary><c>actorecho.coordinated-shutdown.run-by-actor-system-terminate</c>: <see cref="ActorSystem.Terminate"/> runs the shutdown phases first.</summary>
    public bool RunShutdownOnTerminate { get; }

    /// <summary><c>actorecho.coordinated-shutdown.run-by-clr-shutdown-hook</c>: process exit (SIGTERM) runs the shutdown phases.</summary>
    public bool RunShutdownOnProcessExit { get; }

    /// <summary><c>actorecho.actor.default-dispatcher.throughput</c>: user messages an actor processes per turn before yielding its thread.</summary>
    public int DefaultDispatcherThroughput { get; }

    /// <summary><c>actorecho.actor.default-mailbox.mailbox-capacity</c>: 0 for unbounded.</summary>
    public int DefaultMailboxCapacity { get; }

    /// <summary>Reads and validates the settings.</summary>
    public static ActorSystemSettings FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new ActorSystemSettings(configuration);
    }

    internal static int ReadThroughput(IConfiguration configuration, string section) =>
        configuration.GetInt32(section + ":throughput", 30, min: 1);

    internal static int ReadInlineDepth(IConfiguration configuration, string section) =>
        configuration.GetInt32(section + ":inline-depth", 0, min: 0, max: 16);

    internal static int ReadCapacity(IConfiguration configuration, string section) =>
        configuration.GetInt32(section + ":mailbox-capacity", 0, min: 0);
}
