using System.Diagnostics;
using ActorEcho.Compare.Model;
using ActorEcho.Compare.Report;

namespace ActorEcho.Compare.Running;

/// <summary>
/// Runs every selected scenario against every selected server: per scenario, each server in turn is started fresh on a free
/// port, loaded <see cref="CompareOptions.Runs"/> times and stopped, so servers see the machine's noise at about the same time.
/// A server that died during a run (the seed servers exit on some socket errors) is restarted for the next run, and the death is recorded.
/// </summary>
internal sealed class MatrixRunner(Repository repo, CompareOptions options, string baselinesDir, string runDir, TextWriter log)
{
    private static readonly TimeSpan s_startTimeout = TimeSpan.FromSeconds(60);

    public async Task<IReadOnlyList<RunRecord>> RunAsync(IReadOnlyList<Scenario> scenarios, IReadOnlyList<string> servers)
    {
        var client = new LoadClient(repo, options);
        var records = new List<RunRecord>();
        foreach (var scenario in scenarios)
        {
            foreach (var server in servers)
            {
                records.AddRange(await RunPointAsync(client, scenario, ServerLaunch.For(server, repo, baselinesDir)));
            }
        }

        return records;
    }

    private async Task<List<RunRecord>> RunPointAsync(LoadClient client, Scenario scenario, ServerLaunch launch)
    {
        var records = new List<RunRecord>();
        ServerProcess? target = null;
        try
        {
            for (var run = 1; run <= options.Runs; run++)
            {
                var clock = Stopwatch.StartNew();
                RunRecord record;
                try
                {
                    if (target is null || target.HasExited)
                    {
                        if (target is not null)
                        {
                            await target.DisposeAsync();
                        }

                        target = await ServerProcess.StartAsync(launch, Path.Combine(runDir, $"{scenario.Name}-{launch.Name}-{run}.log"), s_startTimeout);
                    }

                    record = await client.RunAsync(scenario, launch.Name, run, target, Path.Combine(runDir, $"{scenario.Name}-{launch.Name}-{run}.json"));
                }
                catch (Exception e) when (e is InvalidOperationException or TimeoutException)
                {
                    record = new RunRecord(launch.Name, scenario.Name, run, null, $"run {run}: {e.Message}");
                }

                records.Add(record);
                log.WriteLine($"[{launch.Name}] {scenario.Name} run {run}/{options.Runs} ({clock.Elapsed.TotalSeconds:0.0} s): {Describe(scenario, record)}");
            }
        }
        finally
        {
            if (target is not null)
            {
                await target.DisposeAsync();
            }
        }

        return records;
    }

    private static string Describe(Scenario scenario, RunRecord record) => record.Result is { } r
        ? $"{Format.Value(scenario.Metric, scenario.ValueOf(r))} {Format.Unit(scenario.Metric)}, p99 {Format.Latency(r.LatencyUs?.P99)}, errors {r.Errors}"
        : record.Failure ?? "failed";
}
