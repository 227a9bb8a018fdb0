using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace ActorEcho.Actors.Shutdown;

/// <summary>
/// Stops a system in ordered phases that components hook into: stop accepting work (<see cref="PhaseServiceUnbind"/>), drain
/// what is in flight (<see cref="PhaseServiceRequestsDone"/>), stop services (<see cref="PhaseServiceStop"/>), then terminate the
/// actor system (<see cref="PhaseActorSystemTerminate"/>). Tasks of one phase run concurrently; each phase has a timeout
/// (<c>actorecho.coordinated-shutdown.phases.NAME.timeout</c>) after which its token is cancelled and the next phase starts anyway.
/// </summary>
public sealed class CoordinatedShutdown
{
    /// <summary>Before anything stops: take the service out of load-balancer rotation, for example.</summary>
    public const string PhaseBeforeServiceUnbind = "before-service-unbind";

    /// <summary>Stop accepting new work: unbind listening sockets.</summary>
    public const string PhaseServiceUnbind = "service-unbind";

    /// <summary>Let work in flight finish: drain connections.</summary>
    public const string PhaseServiceRequestsDone = "service-requests-done";

    /// <summary>Stop the service's actors and release what they hold.</summary>
    public const string PhaseServiceStop = "service-stop";

    /// <summary>Last chance before the actor system stops.</summary>
    public const string PhaseBeforeActorSystemTerminate = "before-actor-system-terminate";

    /// <summary>The actor system terminates (when <c>terminate-actor-system</c> is on).</summary>
    public const string PhaseActorSystemTerminate = "actor-system-terminate";

    private static readonly string[] s_phases =
    [
        PhaseBeforeServiceUnbind, PhaseServiceUnbind, PhaseServiceRequestsDone, PhaseServiceStop, PhaseBeforeActorSystemTerminate, PhaseActorSystemTerminate,
    ];

    private readonly ActorSystem _system;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<(string Name, Func<CancellationToken, Task> Task)>> _tasks = new();
    private readonly Dictionary<string, TimeSpan> _timeouts;
    private readonly object _gate = new();
    private readonly EventHandler? _processExitHandler;
    private Task? _run;

    internal CoordinatedShutdown(ActorSystem system)
    {
        _system = system;
        _timeouts = s_phases.ToDictionary(
            p => p,
            p => Configuration.ConfigurationValueExtensions.GetPositiveDuration(system.Configuration, $"actorecho:coordinated-shutdown:phases:{p}:timeout", system.Settings.DefaultPhaseTimeout),
            StringComparer.Ordinal);

        if (system.Settings.RunShutdownOnProcessExit)
        {
            _processExitHandler = (_, _) => Run(ShutdownReason.ClrExit).Wait(TotalTimeout);
            AppDomain.CurrentDomain.ProcessExit += _processExitHandler;
        }
    }

    /// <summary>The phases in the order they run.</summary>
    public static IReadOnlyList<string> Phases => s_phases;

    /// <summary>The reason of the run in progress or done; null before any run.</summary>
    public ShutdownReason? Reason { get; private set; }

    /// <summary>The sum of all phase timeouts: the longest a full run can take.</summary>
    public TimeSpan TotalTimeout => _timeouts.Values.Aggregate(TimeSpan.Zero, (a, b) => a + b);

    /// <summary>Returns the coordinated shutdown of <paramref name="system"/>.</summary>
    public static CoordinatedShutdown Get(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return system.CoordinatedShutdown;
    }

    /// <summary>The timeout of <paramref name="phase"/>.</summary>
    public TimeSpan Timeout(string phase) => _timeouts.TryGetValue(phase, out var timeout)
        ? timeout
        : throw new ArgumentException($"Unknown shutdown phase '{phase}'. Known phases: {string.Join(", ", s_phases)}.", nameof(phase));

    /// <summary>
    /// Adds a task to <paramref name="phase"/>. The token is cancelled when the phase times out; an exception is logged and does not stop later phases.
    /// </summary>
    public void AddTask(string phase, string taskName, Func<CancellationToken, Task> task)
    {
        _ = Timeout(phase);
        ArgumentException.ThrowIfNullOrWhiteSpace(taskName);
        ArgumentNullException.ThrowIfNull(task);
        _tasks.GetOrAdd(phase, static _ => new()).Enqueue((taskName, task));
    }

    /// <summary>Runs every phase once; later calls return the same task. Completes when the last phase is done.</summary>
    public Task Run(ShutdownReason reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        lock (_gate)
        {
            if (_run is null)
            {
                Reason = reason;
                _run = Task.Run(() => RunPhasesAsync(reason));
            }

            return _run;
        }
    }

    internal void OnSystemTerminated()
    {
        if (_processExitHandler is not null)
        {
            AppDomain.CurrentDomain.ProcessExit -= _processExitHandler;
        }
    }

    private async Task RunPhasesAsync(ShutdownReason reason)
    {
        _system.RuntimeLog.Log(LogLevel.Information, "Coordinated shutdown of {System} started: {Reason}", _system.Name, reason);
        foreach (var phase in s_phases)
        {
            var timeout = _timeouts[phase];
            var tasks = _tasks.TryGetValue(phase, out var queue) ? queue.ToArray() : [];
            var terminate = phase == PhaseActorSystemTerminate && _system.Settings.TerminateActorSystemOnShutdown;
            if (tasks.Length == 0 && !terminate)
            {
                continue;
            }

            var started = Stopwatch.GetTimestamp();
            using var cts = new CancellationTokenSource(timeout);
            var running = new List<Task>(tasks.Length + 1);
            foreach (var (name, task) in tasks)
            {
                running.Add(RunTaskAsync(phase, name, task, cts.Token));
            }

            if (terminate)
            {
                _system.FinalTerminate();
                running.Add(_system.WhenTerminated);
            }

            // The phase timed out if its deadline passed, whether the tasks then ended by honouring the token or not at all.
            var all = Task.WhenAll(running);
            var finished = await Task.WhenAny(all, Task.Delay(timeout, CancellationToken.None)).ConfigureAwait(false) == all;
            if (!finished || cts.IsCancellationRequested)
            {
                await cts.CancelAsync().ConfigureAwait(false);
                _system.RuntimeLog.Log(LogLevel.Warning, "Coordinated shutdown phase [{Phase}] timed out after {Timeout}; continuing with the next phase.", phase, timeout);
            }

            _system.RuntimeLog.Log(LogLevel.Debug, "Coordinated shutdown phase [{Phase}] done in {Elapsed}.", phase, Stopwatch.GetElapsedTime(started));
        }
    }

    private async Task RunTaskAsync(string phase, string name, Func<CancellationToken, Task> task, CancellationToken token)
    {
        try
        {
            await task(token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            _system.RuntimeLog.Log(LogLevel.Warning, "Shutdown task [{Task}] in phase [{Phase}] was cancelled at the phase timeout.", name, phase);
        }
        catch (Exception ex)
        {
            _system.RuntimeLog.Log(LogLevel.Error, ex, "Shutdown task [{Task}] in phase [{Phase}] failed: {Reason}", name, phase, ex.Message);
        }
    }
}
