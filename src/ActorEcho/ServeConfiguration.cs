using System.Globalization;
using ActorEcho.Configuration;
using ActorEcho.Server;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace ActorEcho.Cli;

/// <summary>
/// The configuration of one <c>serve</c> run, read and validated before the host starts, so a bad file or value fails fast with
/// its <c>file:line:col</c>: <c>hocon/actorecho.conf</c> next to the executable &lt; <c>--config FILE</c> &lt; <c>ACTORECHO__</c>
/// environment variables &lt; flags (<see cref="ActorEchoConfiguration.AddActorEchoSources"/>).
/// </summary>
internal sealed class ServeConfiguration
{
    /// <summary>The coordinated-shutdown phase that runs <see cref="EchoServer.Drain"/>; kept longer than <c>drain-timeout</c>.</summary>
    private const string DrainPhaseTimeoutKey = "actorecho:coordinated-shutdown:phases:service-requests-done:timeout";

    private const string DefaultPhaseTimeoutKey = "actorecho:coordinated-shutdown:default-phase-timeout";

    /// <summary>The phase timeout of the embedded reference configuration (hocon/reference/actors.conf).</summary>
    private static readonly TimeSpan ReferencePhaseTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Time the drain phase gets beyond <c>drain-timeout</c> to reset the remaining connections and report.</summary>
    private static readonly TimeSpan DrainPhaseMargin = TimeSpan.FromSeconds(1);

    private ServeConfiguration(IConfigurationRoot configuration, EchoServerSettings server, LogLevel logLevel)
    {
        Configuration = configuration;
        Server = server;
        LogLevel = logLevel;
    }

    /// <summary>The layered configuration (a root, so errors found later can still name their file:line:col).</summary>
    public IConfigurationRoot Configuration { get; }

    /// <summary>The echo server's settings (<c>actorecho.server.*</c>).</summary>
    public EchoServerSettings Server { get; }

    /// <summary><c>actorecho.loglevel</c> (or <c>--log-level</c>): the console logger's and the actors' minimum level.</summary>
    public LogLevel LogLevel { get; }

    /// <summary>The host's own file: <c>hocon/actorecho.conf</c> next to the executable (optional).</summary>
    public static string HostConfigFile => Path.Combine(AppContext.BaseDirectory, "hocon", "actorecho.conf");

    /// <summary>Reads and validates the configuration.</summary>
    /// <exception cref="HoconParseException">A file has a syntax error.</exception>
    /// <exception cref="ConfigurationValueException">A value is malformed or out of range.</exception>
    /// <exception cref="FileNotFoundException">The <c>--config</c> file does not exist.</exception>
    public static ServeConfiguration Load(ServeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = new ConfigurationBuilder()
            .AddActorEchoSources(new ActorEchoConfigurationOptions
            {
                HostConfigFile = HostConfigFile,
                ConfigFile = options.ConfigFile,
                CommandLineOverrides = options.ToConfigurationOverrides(),
            });
        var configuration = builder.Build();
        var server = EchoServerSettings.FromConfiguration(configuration);
        var logLevel = ReadLogLevel(configuration);

        // The hosting layer owns run-by-clr-shutdown-hook (off: the host's stop runs coordinated shutdown, and the runtime's process-exit
        // hook would block a second signal's immediate exit); the console owns the drain phase's length.
        var hostOwned = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var phaseTimeout = configuration.GetDuration(DrainPhaseTimeoutKey, configuration.GetDuration(DefaultPhaseTimeoutKey, ReferencePhaseTimeout));
        if (phaseTimeout < server.DrainTimeout + DrainPhaseMargin)
        {
            // The drain must end by its own timeout (resetting what is left, and saying so), not be cut off by its phase's.
            hostOwned[DrainPhaseTimeoutKey] = ((long)(server.DrainTimeout + DrainPhaseMargin).TotalMilliseconds).ToString(CultureInfo.InvariantCulture) + "ms";
        }

        return new ServeConfiguration(builder.AddInMemoryCollection(hostOwned).Build(), server, logLevel);
    }

    private static LogLevel ReadLogLevel(IConfigurationRoot configuration)
    {
        var text = configuration.GetString(ServeOptions.LogLevelKey, nameof(LogLevel.Information)).Trim();
        return Enum.TryParse<LogLevel>(text, ignoreCase: true, out var level) && Enum.IsDefined(level) && !int.TryParse(text, out _)
            ? level
            : throw ConfigurationValueException.OutOfRange(configuration, ServeOptions.LogLevelKey, text, "must be one of " + string.Join(", ", Enum.GetNames<LogLevel>()));
    }
}
