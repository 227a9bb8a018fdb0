using System.Diagnostics;
using System.Globalization;
using ActorEcho.Compare.Report;
using ActorEcho.Compare.Running;
using ActorEcho.Soak.Analysis;
using ActorEcho.Soak.Report;
using ActorEcho.Soak.Sampling;

namespace ActorEcho.Soak;

/// <summary>
/// Starts <c>actorecho serve --stats-interval</c>, runs every <see cref="LoadMix"/> against it at once for the duration, samples the
/// server every interval (RSS, threads and descriptors from <c>/proc</c>, GC heap from its stats line), then stops it and judges.
/// </summary>
internal sealed class SoakRunner(Repository repo, SoakOptions options, TextWriter log)
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    /// <summary>What a load client gets beyond the duration to open its connections, verify the last echoes and write its JSON.</summary>
    private static readonly TimeSpan ClientMargin = TimeSpan.FromMinutes(3);

    public async Task<SoakResult> RunAsync(string command)
    {
        var runDir = Directory.CreateTempSubdirectory("actorecho-soak-").FullName;
        var logPath = Path.Combine(runDir, "server.log");
        var interval = Format.ClientDuration(options.Interval);
        var launch = new ServerLaunch("actorecho", "dotnet", p => [repo.ActorEchoDll, "serve", "--port", p.ToString(CultureInfo.InvariantCulture), "--stats-interval", interval]);
        log.WriteLine($"soak: {options.Duration} of {string.Join(", ", LoadMix.Default.Select(m => m.Describe()))}; a sample every {options.Interval}; logs in {runDir}");

        await using var server = await ServerProcess.StartAsync(launch, logPath, StartTimeout);
        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var loads = LoadMix.Default.Select(mix => RunLoadAsync(mix, server.Port, Path.Combine(runDir, mix.Mode + ".json"))).ToArray();

        List<Sample> samples;
        try
        {
            samples = await SampleAsync(server, logPath, clock);
        }
        catch
        {
            // Without a server the load clients fail and exit; do not leave them running behind us.
            await server.StopAsync(TimeSpan.FromSeconds(5));
            await Task.WhenAll(loads);
            throw;
        }

        var outcomes = await Task.WhenAll(loads);
        await server.StopAsync(TimeSpan.FromSeconds(15));
        var verdicts = Flatness.Check(samples, Tolerance.Defaults, options.Duration.TotalSeconds);
        return new SoakResult(started, options.Duration.TotalSeconds, options.Interval.TotalSeconds, MachineInfo.Detect().Describe(), command, outcomes, samples, verdicts);
    }

    private async Task<List<Sample>> SampleAsync(ServerProcess server, string logPath, Stopwatch clock)
    {
        var samples = new List<Sample> { Take(server, logPath, clock) };
        using var timer = new PeriodicTimer(options.Interval);
        while (clock.Elapsed < options.Duration && await timer.WaitForNextTickAsync())
        {
            var sample = Take(server, logPath, clock);
            samples.Add(sample);
            log.WriteLine(FormattableString.Invariant(
                $"  {sample.Seconds,6:0} s  rss {sample.RssBytes / 1048576.0,7:0.0} MiB  fds {sample.OpenDescriptors,5}  threads {sample.Threads,3}  heap {sample.HeapBytes / 1048576.0,7:0.0} MiB  active {sample.ActiveConnections}"));
        }

        return samples;
    }

    private static Sample Take(ServerProcess server, string logPath, Stopwatch clock)
    {
        if (server.HasExited)
        {
            throw new InvalidOperationException($"the server exited during the soak: {server.LogTail()}");
        }

        var (rss, threads, fds) = ProcStatus.Read(server.Pid);
        var stats = StatsLine.Last(File.ReadLines(logPath));
        return new Sample(Math.Round(clock.Elapsed.TotalSeconds, 1), rss, fds, threads, stats is null ? null : StatsLine.HeapBytes(stats), stats is null ? null : StatsLine.Active(stats));
    }

    private async Task<LoadOutcome> RunLoadAsync(LoadMix mix, int port, string jsonPath)
    {
        var (code, output) = await ProcessRunner.RunAsync("dotnet", mix.Arguments(repo.ActorEchoDll, port, options.Duration, jsonPath), repo.Root, options.Duration + ClientMargin);
        if (!File.Exists(jsonPath))
        {
            var reason = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "no output";
            return new LoadOutcome(mix.Describe(), code, 0, 0, 0, "no result: " + reason);
        }

        var result = LoadClient.Parse(await File.ReadAllTextAsync(jsonPath));
        return new LoadOutcome(mix.Describe(), code, result.Operations, result.OperationsPerSecond, result.Errors, code is 0 ? null : output.Split('\n').FirstOrDefault(l => l.Contains("errors", StringComparison.Ordinal))?.Trim());
    }
}
