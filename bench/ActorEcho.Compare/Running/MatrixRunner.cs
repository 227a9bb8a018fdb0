using System.Diagnostics;
using ActorEcho.Compare.Model;
using ActorEcho.Compare.Report;

namespace ActorEcho.Compare.Running;

/// <summary>
/// Runs the selected scenarios against every selected server, interleaved: each run of a scenario goes to every server in turn
/// before the next run starts, so a burst of load from elsewhere on the (shared) machine falls on all servers alike rather than on
/// whichever one happened to be measured then. For the throughput scenarios each server is started once and stays up, idle while
/// the others are measured; memory scenarios start a fresh server per run. Every newly started server is first loaded by an untimed
/// warm-up run, so no figure includes the JIT, first-use allocations or the thread pool's growth. A server that died during a run
/// (the seed servers exit on some socket errors and never reclaim threads) is restarted for the next run, and the death is
/// recorded with that run.
/// </summary>
internal sealed class MatrixRunner(Repository repo, CompareOptions options, string baselinesDir, string runDir, TextWriter log)
{
    private static readonly TimeSpan s_startTimeout = TimeSpan.FromSeconds(60);
    private static readonly Scenario s_warmup = new("warmup", "rr", 100, 64, Metric.OperationsPerSecond, "untimed warm-up");
    private readonly LoadClient _client = new(repo, options);

    public async Task<IReadOnlyList<RunRecord>> RunAsync(IReadOnlyList<Scenario> scenarios, IReadOnlyList<string> servers)
    {
        var records = new List<RunRecord>();
        var launches = servers.Select(server => ServerLaunch.For(server, repo, baselinesDir)).ToList();
        var shared = launches.Select(_ => new SharedServer()).ToList();
        try
        {
            foreach (var scenario in scenarios.Where(s => !s.FreshServerPerRun))
            {
                for (var run = 1; run <= options.Runs; run++)
                {
                    for (var i = 0; i < launches.Count; i++)
                    {
                        records.Add(await RunOnceAsync(launches[i], scenario, run, shared[i]));
                    }
                }
            }
        }
        finally
        {
            foreach (var server in shared)
            {
                if (server.Process is { } process)
                {
                    await process.DisposeAsync();
                }
            }
        }

        foreach (var scenario in scenarios.Where(s => s.FreshServerPerRun))
        {
            for (var run = 1; run <= options.Runs; run++)
            {
                foreach (var launch in launches)
                {
                    records.Add(await RunOnceAsync(launch, scenario, run, shared: null));
                }
            }
        }

        return records;
    }

    /// <summary>One run; with <paramref name="shared"/> null the server is started for this run alone.</summary>
    private async Task<RunRecord> RunOnceAsync(ServerLaunch launch, Scenario scenario, int run, SharedServer? shared)
    {
        var clock = Stopwatch.StartNew();
        var name = $"{scenario.Name}-{launch.Name}-{run}";
        RunRecord record;
        ServerProcess? own = null;
        try
        {
            var target = shared is null
                ? own = await StartWarmAsync(launch, name)
                : await EnsureRunningAsync(launch, shared);
            record = await _client.RunAsync(scenario, launch.Name, run, target, Path.Combine(runDir, name + ".json"));
            if (target.HasExited && record.Result is not null)
            {
                record = record with { Failure = $"run {run}: the server exited during the run ({target.LogTail(2)})" };
            }
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException)
        {
            record = new RunRecord(launch.Name, scenario.Name, run, null, $"run {run}: {e.Message}");
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync();
            }
        }

        log.WriteLine($"[{launch.Name}] {scenario.Name} run {run}/{options.Runs} ({clock.Elapsed.TotalSeconds:0.0} s): {Describe(scenario, record)}");
        return record;
    }

    private async Task<ServerProcess> EnsureRunningAsync(ServerLaunch launch, SharedServer shared)
    {
        if (shared.Process is { HasExited: false } running)
        {
            return running;
        }

        if (shared.Process is { } dead)
        {
            log.WriteLine($"[{launch.Name}] the server had exited ({dead.LogTail(2)}); starting a new one");
            await dead.DisposeAsync();
        }

        shared.Starts++;
        shared.Process = await StartWarmAsync(launch, $"{launch.Name}-{shared.Starts}");
        return shared.Process;
    }

    private async Task<ServerProcess> StartWarmAsync(ServerLaunch launch, string name)
    {
        var process = await ServerProcess.StartAsync(launch, Path.Combine(runDir, name + ".log"), s_startTimeout);
        var warm = await _client.RunAsync(s_warmup, launch.Name, 0, process, Path.Combine(runDir, $"warmup-{name}.json"), warmupRun: true);
        if (warm.Failure is not null)
        {
            log.WriteLine($"[{launch.Name}] warm-up failed: {warm.Failure}");
        }

        return process;
    }

    private static string Describe(Scenario scenario, RunRecord record) => record.Result is { } r
        ? $"{Format.Value(scenario.Metric, scenario.ValueOf(r))} {Format.Unit(scenario.Metric)}, p99 {Format.Latency(r.LatencyUs?.P99)}, errors {r.Errors}"
        : record.Failure ?? "failed";

    /// <summary>The server process shared by a group of runs, replaced when it dies.</summary>
    private sealed class SharedServer
    {
        public ServerProcess? Process { get; set; }

        public int Starts { get; set; }
    }
}
