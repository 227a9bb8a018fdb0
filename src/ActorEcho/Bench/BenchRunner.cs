using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Spectre.Console;

namespace ActorEcho.Cli.Bench;

/// <summary>
/// Runs <c>actorecho bench</c>: checks what can be checked before any load (descriptor limit, host, server pid, first connection),
/// starts one worker per connection, opens the measured window after the warm-up, ends it, and reports.
/// Exit codes: 0 all echoes verified, 1 the run had errors (results are still printed), 2 bad input or the server is unreachable.
/// </summary>
internal sealed class BenchRunner
{
    /// <summary>The run completed and every echo was verified.</summary>
    public const int Success = 0;

    /// <summary>The run completed with mismatches, short reads, unexpected closes or failed connections.</summary>
    public const int EchoErrors = 1;

    /// <summary>How long after the end of the run the echoes still in flight may take before their connections are aborted.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(10);

    // Descriptors the runtime and the process need beside the connections (stdio, epoll, timers, assemblies, the JSON file).
    private const int ReservedDescriptors = 64;

    private readonly BenchConsole _console;

    /// <summary>A runner writing to <paramref name="console"/>.</summary>
    public BenchRunner(BenchConsole console)
    {
        _console = console;
    }

    /// <summary>Runs <paramref name="options"/>; cancelling <paramref name="cancellationToken"/> (or Ctrl+C) ends the run early and still reports.</summary>
    public async Task<int> RunAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (CheckInput(options) is { } problem)
        {
            _console.WriteError(problem);
            return ExitCodes.Usage;
        }

        EndPoint endpoint;
        try
        {
            endpoint = await ResolveAsync(options.Host, options.Port, cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException e)
        {
            _console.WriteError($"--host: cannot resolve '{options.Host}': {e.Message}");
            return ExitCodes.Usage;
        }

        var hostile = BenchModes.IsHostile(options.Mode);
        var rssBefore = !hostile && options.ServerPid is { } pid ? ServerMemory.ResidentBytes(pid) : (long?)null;
        var watch = hostile && options.ServerPid is { } watched ? ServerWatch.Start(watched) : null;
        var connector = new Connector(endpoint, options.Ramp);
        Socket first;
        try
        {
            first = await connector.ConnectFirstAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            connector.Dispose();
            var reason = e is SocketException socketError ? socketError.Message : $"no answer within {Connector.ConnectTimeout.TotalSeconds:F0} s";
            _console.WriteError($"cannot connect to {ProgramOutput.Format(endpoint)}: {reason} (check --host and --port)");
            return ExitCodes.Usage;
        }

        using var run = new BenchRun(options, connector, first) { Server = watch };
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var stopping = stop.Token.Register(() =>
        {
            run.Clock.StopAtOrBefore(Stopwatch.GetTimestamp());
            run.StartVerifying();
        });
        ConsoleCancelEventHandler onCtrlC = (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        Console.CancelKeyPress += onCtrlC;
        try
        {
            var progress = new BenchProgress(_console, run);
            var measurement = _console.Interactive
                ? await AnsiConsole.Status().StartAsync("connecting", context =>
                {
                    progress.Status = context;
                    return MeasureAsync(run, progress, stop.Token);
                }).ConfigureAwait(false)
                : await MeasureAsync(run, progress, stop.Token).ConfigureAwait(false);
            var rssDelta = rssBefore is { } before && measurement.RssAfter is { } after ? after - before : (long?)null;
            var report = BenchResults.Build(run, measurement.ElapsedSeconds, measurement.CpuSeconds, rssDelta) with
            {
                Server = watch is null ? null : await watch.SettleAsync(cancellationToken).ConfigureAwait(false),
            };
            BenchSummary.Write(_console.Out, report);
            if (options.JsonPath is { } path && !TryWriteJson(path, report))
            {
                return ExitCodes.Usage;
            }

            return report.Errors == 0 ? Success : EchoErrors;
        }
        finally
        {
            Console.CancelKeyPress -= onCtrlC;
        }
    }

    private static async Task<Measurement> MeasureAsync(BenchRun run, BenchProgress progress, CancellationToken stop)
    {
        var options = run.Options;
        var clock = run.Clock;
        Func<BenchRun, int, Task> worker = options.Mode switch
        {
            BenchMode.Rr => RequestResponseWorker.RunAsync,
            BenchMode.Stream => StreamWorker.RunAsync,
            BenchMode.Idle => IdleWorker.RunAsync,
            BenchMode.Slowloris => SlowlorisWorker.RunAsync,
            BenchMode.SlowRead => SlowReadWorker.RunAsync,
            _ => ChurnWorker.RunAsync, // churn, and flood: the same cycles on a shared schedule
        };
        run.Connector.StartRamp();
        var workers = new Task[options.Connections];
        for (var i = 0; i < workers.Length; i++)
        {
            workers[i] = worker(run, i);
        }

        var all = Task.WhenAll(workers);
        await WaitAsync(Task.WhenAny(run.AllConnected, all), "connecting", run, progress).ConfigureAwait(false);
        long? rssAfter = null;
        if (options.Mode == BenchMode.Idle)
        {
            await WaitAsync(Task.Delay(options.Duration ?? BenchOptions.DefaultDuration, stop), "holding", run, progress).ConfigureAwait(false);
        }
        else if (options.Warmup > TimeSpan.Zero)
        {
            await WaitAsync(Task.Delay(options.Warmup, stop), "warming up", run, progress).ConfigureAwait(false);
        }

        var measureFrom = Stopwatch.GetTimestamp();
        var cpuFrom = Environment.CpuUsage.TotalTime;
        if (options.Mode == BenchMode.Idle)
        {
            // Idle measures the server with every connection open and held (before the echoes that prove them), then verifies.
            rssAfter = options.ServerPid is { } pid ? ServerMemory.ResidentBytes(pid) : null;
            run.StartMeasuring(measureFrom);
            run.StartVerifying();
            clock.StopAtOrBefore(measureFrom);
        }
        else
        {
            run.StartMeasuring(measureFrom);
            if (options.Count is null)
            {
                clock.StopAtOrBefore(measureFrom + StopwatchTicks.FromTimeSpan(options.Duration ?? BenchOptions.DefaultDuration));
            }
        }

        await WaitAsync(all, options.Mode == BenchMode.Idle ? "verifying" : "measuring", run, progress).ConfigureAwait(false);
        await all.ConfigureAwait(false); // surfaces a worker's bug; connection failures were counted, not thrown
        var cpuSeconds = (Environment.CpuUsage.TotalTime - cpuFrom).TotalSeconds;
        var lastFinished = run.Stats.Max(s => s.FinishedAt);
        var measureEnd = options.Mode == BenchMode.Idle ? lastFinished : Math.Min(clock.StopAt, lastFinished);
        var elapsed = StopwatchTicks.ToSeconds(Math.Max(0, measureEnd - measureFrom));
        return new Measurement(elapsed, cpuSeconds, rssAfter);
    }

    /// <summary>Waits for <paramref name="task"/>, ticking the progress line, and aborts echoes still in flight <see cref="Grace"/> after the end.</summary>
    private static async Task WaitAsync(Task task, string phase, BenchRun run, BenchProgress progress)
    {
        progress.Tick(phase);
        var abortAfter = StopwatchTicks.FromTimeSpan(Grace);
        while (!task.IsCompleted)
        {
            await Task.WhenAny(task, Task.Delay(progress.Interval)).ConfigureAwait(false);
            run.Server?.Sample();
            var stopAt = run.Clock.StopAt;
            if (!run.Clock.Aborted && stopAt != long.MaxValue && Stopwatch.GetTimestamp() - stopAt > abortAfter)
            {
                run.Abort();
            }

            progress.Tick(phase);
        }
    }

    private static string? CheckInput(BenchOptions options)
    {
        var limit = FileDescriptors.RaiseSoftLimitToHard();
        if (limit is { } descriptors && options.Connections + ReservedDescriptors > descriptors)
        {
            var needed = options.Connections + ReservedDescriptors;
            return string.Create(
                CultureInfo.InvariantCulture,
                $"--connections: {options.Connections:N0} connections need about {needed:N0} file descriptors, but this process may open only {descriptors:N0}; raise the limit first (e.g. 'ulimit -n {needed}').");
        }

        if (options.ServerPid is { } pid && !ServerMemory.CanRead(pid))
        {
            return $"--server-pid: cannot read /proc/{pid}/status (no such process, or not Linux).";
        }

        if (options.JsonPath is { } path && Path.GetDirectoryName(Path.GetFullPath(path)) is { } directory && !Directory.Exists(directory))
        {
            return $"--json: directory '{directory}' does not exist.";
        }

        return null;
    }

    private static async Task<EndPoint> ResolveAsync(string host, int port, CancellationToken cancellationToken)
    {
        if (IPAddress.TryParse(host, out var address))
        {
            return new IPEndPoint(address, port);
        }

        var addresses = await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
        var chosen = addresses.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork) ?? addresses.FirstOrDefault()
            ?? throw new SocketException((int)SocketError.HostNotFound);
        return new IPEndPoint(chosen, port);
    }

    private bool TryWriteJson(string path, BenchReport report)
    {
        try
        {
            File.WriteAllText(path, JsonSerializer.Serialize(report, BenchJsonContext.Default.BenchReport) + Environment.NewLine);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _console.WriteError($"--json: cannot write '{path}': {e.Message}");
            return false;
        }
    }

    private readonly record struct Measurement(double ElapsedSeconds, double CpuSeconds, long? RssAfter);
}
