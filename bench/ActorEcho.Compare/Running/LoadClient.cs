using System.Globalization;
using System.Text.Json;
using ActorEcho.Compare.Model;
using ActorEcho.Compare.Report;

namespace ActorEcho.Compare.Running;

/// <summary>Runs <c>actorecho bench</c> once against a server and reads the JSON it writes.</summary>
internal sealed class LoadClient(Repository repo, CompareOptions options)
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

    /// <summary>The length of the untimed warm-up run that precedes measurements on a newly started server.</summary>
    public static readonly TimeSpan WarmupRunDuration = TimeSpan.FromSeconds(1);

    /// <summary>The client's command line; a <paramref name="warmupRun"/> loads for <see cref="WarmupRunDuration"/> without a warm-up of its own.</summary>
    public IReadOnlyList<string> Arguments(Scenario scenario, int port, int serverPid, string jsonPath, bool warmupRun = false)
    {
        var idle = scenario.Mode == "idle";
        var duration = warmupRun ? WarmupRunDuration : idle ? options.IdleHold : options.Duration;
        List<string> args =
        [
            repo.ActorEchoDll, "bench", scenario.Mode,
            "--host", "127.0.0.1",
            "--port", Invariant(port),
            "--connections", Invariant(scenario.Connections),
            "--size", Invariant(scenario.Size),
            "--duration", Format.ClientDuration(duration),
            "--json", jsonPath,
        ];
        if (idle)
        {
            args.AddRange(["--server-pid", Invariant(serverPid)]);
        }
        else
        {
            args.AddRange(["--warmup", Format.ClientDuration(warmupRun ? TimeSpan.Zero : options.Warmup)]);
        }

        return args;
    }

    /// <summary>Runs the client; exit code 1 (echo errors) still yields its result, with the errors counted in it.</summary>
    public async Task<RunRecord> RunAsync(Scenario scenario, string server, int run, ServerProcess target, string jsonPath, bool warmupRun = false)
    {
        File.Delete(jsonPath);
        var limit = options.Duration + options.Warmup + options.IdleHold + TimeSpan.FromSeconds(90);
        var (code, output) = await ProcessRunner.RunAsync("dotnet", Arguments(scenario, target.Port, target.Pid, jsonPath, warmupRun), repo.Root, limit);
        var relative = repo.Relative(jsonPath);
        if (code is 0 or 1 && File.Exists(jsonPath))
        {
            var result = Parse(await File.ReadAllTextAsync(jsonPath));
            return new RunRecord(server, scenario.Name, run, result, null, relative);
        }

        var reason = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "no output";
        reason = reason.Length > 160 ? reason[..160] + "…" : reason;
        var serverState = target.HasExited ? $"; the server had exited ({target.LogTail(2)})" : string.Empty;
        return new RunRecord(server, scenario.Name, run, null, $"run {run}: client exit {code}: {reason}{serverState}", relative);
    }

    public static LoadResult Parse(string json) =>
        JsonSerializer.Deserialize<LoadResult>(json, s_json) ?? throw new JsonException("the load client wrote null");

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
