using System.Collections.Concurrent;
using ActorEcho.Actors.Dispatch;
using ActorEcho.Actors.Event;
using ActorEcho.Actors.Internal;
using ActorEcho.Actors.Scheduling;
using ActorEcho.Actors.Shutdown;
using ActorEcho.Actors.Supervision;
using ActorEcho.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ActorEcho.Actors;

/// <summary>
/// A hierarchy of actors sharing configuration, dispatchers, a scheduler, an event stream and dead letters.
/// Top-level actors live under <c>/user</c>; the runtime's own under <c>/system</c>.
/// </summary>
/// <remarks>Create one with <see cref="Create(string, IConfiguration, ILoggerFactory?)"/>; stop it with <see cref="Terminate"/>, which runs <see cref="CoordinatedShutdown"/> first.</remarks>
public sealed class ActorSystem : IAsyncDisposable
{
    /// <summary>Name of the embedded resource that holds the runtime's reference configuration.</summary>
    internal const string ReferenceResource = "ActorEcho.Actors.reference.conf";

    private readonly TaskCompletionSource _terminated = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentDictionary<(string Dispatcher, string Mailbox), MailboxSettings> _mailboxSettings = new();
    private readonly MailboxSettings _defaultMailboxSettings;
    private readonly ActorCell _rootCell;
    private readonly ActorCell _userGuardian;
    private readonly ActorCell _systemGuardian;
    private readonly ActorPath _tempPath;
    private long _uid;
    private long _tempCounter;
    private int _terminating;

    private ActorSystem(string name, IConfiguration configuration, ILoggerFactory? loggerFactory)
    {
        Name = name;
        Settings = ActorSystemSettings.FromConfiguration(configuration);
        LoggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        Metrics = new ActorSystemMetrics(name, BusiestMailboxDepth);
        EventStream = new EventStream();
        var rootPath = ActorPath.CreateRoot(name);
        RuntimeLog = new ActorLogger(this, rootPath.ToString(), "ActorEcho.Actors", LoggerFactory.CreateLogger("ActorEcho.Actors"));
        DeadLetters = new DeadLetterActorRef(this, rootPath.Child("deadLetters", 0));
        _tempPath = rootPath.Child("temp", 0);
        Scheduler = new TimerBasedScheduler(this);
        _defaultMailboxSettings = new MailboxSettings(Settings.DefaultDispatcherThroughput, Settings.DefaultMailboxCapacity, PreferLocal(Props.DefaultDispatcherId));

        var rootParent = new RootParentRef(this, rootPath.Child("bubble-walker", 0));
        _rootCell = new ActorCell(this, rootParent, Props.Create(() => new RootGuardian(_userGuardian!.Self, _systemGuardian!.Self)), rootPath, _defaultMailboxSettings);
        var guardianStrategy = Settings.GuardianStoppingStrategy ? SupervisorStrategy.StoppingStrategy : SupervisorStrategy.DefaultStrategy;
        _userGuardian = _rootCell.ActorOfInternal(Props.Create(() => new Guardian(guardianStrategy)), "user", systemService: true).Cell;
        _systemGuardian = _rootCell.ActorOfInternal(Props.Create(() => new Guardian(SupervisorStrategy.DefaultStrategy)), "system", systemService: true).Cell;
        _rootCell.Self.SendSystemMessage(new Create());
        CoordinatedShutdown = new CoordinatedShutdown(this);
    }

    /// <summary>The system's name, the first element of every actor path.</summary>
    public string Name { get; }

    /// <summary>Settings read from configuration at creation.</summary>
    public ActorSystemSettings Settings { get; }

    /// <summary>The configuration the system was created with, reference defaults included.</summary>
    public IConfiguration Configuration => Settings.Configuration;

    /// <summary>Publish/subscribe bus for dead letters, unhandled messages, log events and your own events.</summary>
    public EventStream EventStream { get; }

    /// <summary>Sends messages later.</summary>
    public IScheduler Scheduler { get; }

    /// <summary>Where undeliverable messages go.</summary>
    public IActorRef DeadLetters { get; }

    /// <summary>The logging providers actors log to.</summary>
    public ILoggerFactory LoggerFactory { get; }

    /// <summary>Ordered shutdown phases that components hook into.</summary>
    public CoordinatedShutdown CoordinatedShutdown { get; }

    /// <summary>Completes when every actor has stopped.</summary>
    public Task WhenTerminated => _terminated.Task;

    /// <summary>True once the system has fully terminated.</summary>
    public bool IsTerminated => _terminated.Task.IsCompleted;

    internal ILogger RuntimeLog { get; }

    internal ActorSystemMetrics Metrics { get; }

    internal ActorCell UserGuardian => _userGuardian;

    internal ActorCell SystemGuardian => _systemGuardian;

    /// <summary>Creates a system with the reference configuration only.</summary>
    public static ActorSystem Create(string name) => Create(name, new ConfigurationBuilder().Build());

    /// <summary>Creates a system configured by <paramref name="hocon"/> on top of the reference configuration.</summary>
    public static ActorSystem Create(string name, string hocon) =>
        Create(name, new ConfigurationBuilder().AddHoconString(hocon, "<" + name + " config>").Build());

    /// <summary>
    /// Creates a system configured by <paramref name="configuration"/> (any Microsoft.Extensions.Configuration source, keys such as
    /// <c>actorecho:actor:ask-timeout</c>) layered over the embedded reference configuration.
    /// </summary>
    /// <exception cref="InvalidActorNameException">The name is not a valid system name.</exception>
    /// <exception cref="ConfigurationValueException">A setting has a bad value; the message names the key.</exception>
    public static ActorSystem Create(string name, IConfiguration configuration, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ValidateSystemName(name);
        var layered = new ConfigurationBuilder()
            .AddHoconResource(typeof(ActorSystem).Assembly, ReferenceResource)
            .AddConfiguration(configuration)
            .Build();
        return new ActorSystem(name, layered, loggerFactory);
    }

    /// <summary>Creates a top-level actor under <c>/user</c>, supervised by the user guardian.</summary>
    /// <exception cref="InvalidActorNameException">The name is invalid or already taken.</exception>
    /// <exception cref="IllegalActorStateException">The system is terminated.</exception>
    public IActorRef ActorOf(Props props, string? name = null) => _userGuardian.ActorOfInternal(props, name, systemService: false);

    /// <summary>Creates a runtime service actor under <c>/system</c> (used by the IO layer and hosting).</summary>
    public IActorRef SystemActorOf(Props props, string name) => _systemGuardian.ActorOfInternal(props, name, systemService: true);

    /// <summary>Stops <paramref name="actor"/> after the message it is processing; its children stop first.</summary>
    public void Stop(IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor is IInternalActorRef target)
        {
            target.SendSystemMessage(new Terminate());
        }
    }

    /// <summary>
    /// Runs coordinated shutdown (unless configured off) and terminates every actor: user actors first, then system actors.
    /// Returns <see cref="WhenTerminated"/>.
    /// </summary>
    public Task Terminate()
    {
        if (Settings.RunShutdownOnTerminate)
        {
            _ = CoordinatedShutdown.Run(ShutdownReason.ActorSystemTerminate).ContinueWith(
                static (_, s) => ((ActorSystem)s!).FinalTerminate(), this, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
        else
        {
            FinalTerminate();
        }

        return WhenTerminated;
    }

    /// <summary>Terminates and waits for termination.</summary>
    public async ValueTask DisposeAsync() => await Terminate().ConfigureAwait(false);

    /// <inheritdoc />
    public override string ToString() => $"ActorSystem({Name})";

    /// <summary>Stops the actor hierarchy without running shutdown phases; used by the last phase.</summary>
    internal void FinalTerminate()
    {
        if (Interlocked.Exchange(ref _terminating, 1) == 0)
        {
            _rootCell.Self.Tell(RootGuardian.StopSystem.Instance, null);
        }
    }

    internal void OnRootTerminated()
    {
        ((DeadLetterActorRef)DeadLetters).LogSummary();
        CoordinatedShutdown.OnSystemTerminated();
        Metrics.Dispose();
        _terminated.TrySetResult();
    }

    /// <summary>
    /// The deepest user-message queue among the live actors (user and system trees), for the sampled gauge. Walks the whole tree
    /// with an explicit stack: linear in the number of actors, called only when a metrics listener collects.
    /// </summary>
    internal int BusiestMailboxDepth()
    {
        var deepest = 0;
        if (_rootCell is null)
        {
            return deepest; // sampled while the system is still being constructed
        }

        var pending = new Stack<ActorCell>();
        pending.Push(_rootCell);
        while (pending.TryPop(out var cell))
        {
            deepest = Math.Max(deepest, cell.Mailbox.Count);
            foreach (var child in cell.LiveChildEntries())
            {
                pending.Push(child);
            }
        }

        return deepest;
    }

    internal long NextUid() => Interlocked.Increment(ref _uid);

    internal ActorPath NextTempPath() => _tempPath.Child("$" + Interlocked.Increment(ref _tempCounter).ToString(System.Globalization.CultureInfo.InvariantCulture), NextUid());

    internal MailboxSettings ResolveMailboxSettings(Props props)
    {
        if (ReferenceEquals(props.Dispatcher, Props.DefaultDispatcherId) && ReferenceEquals(props.Mailbox, Props.DefaultMailboxId))
        {
            return _defaultMailboxSettings;
        }

        return _mailboxSettings.GetOrAdd((props.Dispatcher, props.Mailbox), static (key, system) => system.ReadMailboxSettings(key.Dispatcher, key.Mailbox), this);
    }

    private MailboxSettings ReadMailboxSettings(string dispatcherId, string mailboxId)
    {
        var dispatcherSection = SectionFor(dispatcherId, "dispatcher");
        var mailboxSection = SectionFor(mailboxId, "mailbox");
        return new MailboxSettings(
            ActorSystemSettings.ReadThroughput(Configuration, dispatcherSection),
            ActorSystemSettings.ReadCapacity(Configuration, mailboxSection),
            PreferLocal(dispatcherId),
            ActorSystemSettings.ReadInlineDepth(Configuration, dispatcherSection));
    }

    private bool PreferLocal(string dispatcherId) => Configuration.GetBoolean(SectionFor(dispatcherId, "dispatcher") + ":prefer-local-queue", true);

    private string SectionFor(string id, string kind)
    {
        var path = id.Contains('.', StringComparison.Ordinal) ? id.Replace('.', ':') : "actorecho:actor:" + id;
        if (!Configuration.GetSection(path).GetChildren().Any())
        {
            throw new ArgumentException($"Unknown {kind} '{id}': no configuration section '{path.Replace(':', '.')}'. Define it in HOCON or use a configured {kind}.", nameof(id));
        }

        return path;
    }

    private static void ValidateSystemName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length == 0 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') || name[0] is '-' or '_')
        {
            throw new InvalidActorNameException($"Invalid actor system name '{name}': use ASCII letters, digits, '-' and '_', starting with a letter or digit.");
        }
    }
}
