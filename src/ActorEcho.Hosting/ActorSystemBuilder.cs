using System.Reflection;
using ActorEcho.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace ActorEcho.Hosting;

/// <summary>
/// Describes the hosted actor system: its configuration sources, its logging and the actors to start. Filled in by the callback given
/// to <c>AddActorSystem</c> (and by <c>ConfigureActorSystem</c> contributions) when the system is first needed.
/// </summary>
/// <remarks>
/// Configuration precedence, later wins: (1) the libraries' embedded reference defaults; (2) the HOCON and configurations added here,
/// in the order added; (3) the application's <see cref="IConfiguration"/> (appsettings.json, environment variables, command line: key
/// <c>actorecho:server:port</c> is HOCON's <c>actorecho.server.port</c>), unless <see cref="WithApplicationConfiguration"/> turns it
/// off; (4) keys the host owns: <c>actorecho.coordinated-shutdown.run-by-clr-shutdown-hook = off</c>, because the host's stop runs
/// coordinated shutdown.
/// </remarks>
public sealed class ActorSystemBuilder
{
    private readonly List<Action<IConfigurationBuilder>> _sources = [];
    private readonly List<(Assembly Assembly, string Resource)> _references = [];
    private readonly List<ActorStarter> _starters = [];

    internal ActorSystemBuilder(string name, IServiceProvider services)
    {
        Name = name;
        Services = services;
    }

    /// <summary>The actor system's name.</summary>
    public string Name { get; }

    /// <summary>The host's services, for configuration that depends on them.</summary>
    public IServiceProvider Services { get; }

    internal IReadOnlyList<Action<IConfigurationBuilder>> Sources => _sources;

    internal IReadOnlyList<(Assembly Assembly, string Resource)> References => _references;

    internal IReadOnlyList<ActorStarter> Starters => _starters;

    internal bool IncludeApplicationConfiguration { get; private set; } = true;

    internal bool CheckUnknownKeys { get; private set; } = true;

    internal ILoggerFactory? LoggerFactory { get; private set; }

    /// <summary>
    /// Adds a HOCON file over the sources added before it. A relative path resolves against the host's content root (where
    /// appsettings.json is found). A syntax error fails the host's start with the file's <c>file:line:col</c>.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null or empty.</exception>
    public ActorSystemBuilder AddHoconFile(string path, bool optional = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var fullPath = Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(ContentRoot(), path));
        _sources.Add(b => b.AddHoconFile(fullPath, optional));
        return this;
    }

    /// <summary>Adds HOCON text over the sources added before it; <paramref name="sourceName"/> names it in error messages.</summary>
    public ActorSystemBuilder AddHocon(string hocon, string? sourceName = null)
    {
        ArgumentNullException.ThrowIfNull(hocon);
        var name = sourceName ?? "<" + Name + " hocon " + (_sources.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + ">";
        _sources.Add(b => b.AddHoconString(hocon, name));
        return this;
    }

    /// <summary>Adds any configuration (keys such as <c>actorecho:actor:ask-timeout</c>) over the sources added before it.</summary>
    public ActorSystemBuilder AddConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        _sources.Add(b => b.AddConfiguration(configuration, shouldDisposeConfiguration: false));
        return this;
    }

    /// <summary>
    /// Declares a library's embedded reference configuration (such as <c>ActorEcho.Server.reference.conf</c>): its values become defaults
    /// under every other source and its keys are known to the typo check. The runtime's own reference is always declared.
    /// </summary>
    public ActorSystemBuilder AddReferenceConfiguration(Assembly assembly, string resourceName)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        ArgumentException.ThrowIfNullOrEmpty(resourceName);
        if (!_references.Contains((assembly, resourceName)))
        {
            _references.Add((assembly, resourceName));
        }

        return this;
    }

    /// <summary>Whether the application's <see cref="IConfiguration"/> configures the system (on by default, and above all builder sources).</summary>
    public ActorSystemBuilder WithApplicationConfiguration(bool enabled)
    {
        IncludeApplicationConfiguration = enabled;
        return this;
    }

    /// <summary>
    /// Whether start fails on a key under <c>actorecho</c> that is unknown but within edit distance 2 of a known key (on by default).
    /// Turn it off when a key of your own sits that close to one of ours on purpose.
    /// </summary>
    public ActorSystemBuilder WithUnknownKeyCheck(bool enabled)
    {
        CheckUnknownKeys = enabled;
        return this;
    }

    /// <summary>The logging providers actors write to; by default the host's <see cref="ILoggerFactory"/>.</summary>
    public ActorSystemBuilder WithLogging(ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(loggerFactory);
        LoggerFactory = loggerFactory;
        return this;
    }

    /// <summary>Adds a starter that runs, in registration order, when the host starts.</summary>
    public ActorSystemBuilder WithActors(Action<ActorSystem, ActorRegistry, IDependencyResolver> starter)
    {
        ArgumentNullException.ThrowIfNull(starter);
        _starters.Add((system, registry, resolver, _) =>
        {
            starter(system, registry, resolver);
            return Task.CompletedTask;
        });
        return this;
    }

    /// <summary>Adds a starter that runs, in registration order, when the host starts; the host's start waits for its task.</summary>
    public ActorSystemBuilder WithActors(ActorStarter starter)
    {
        ArgumentNullException.ThrowIfNull(starter);
        _starters.Add(starter);
        return this;
    }

    private string ContentRoot() =>
        (Services.GetService(typeof(Microsoft.Extensions.Hosting.IHostEnvironment)) as Microsoft.Extensions.Hosting.IHostEnvironment)?.ContentRootPath
        ?? Directory.GetCurrentDirectory();
}
