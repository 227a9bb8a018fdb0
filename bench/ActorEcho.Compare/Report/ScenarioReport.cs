using ActorEcho.Compare.Model;

namespace ActorEcho.Compare.Report;

/// <summary>A scenario with one summary per server, in the order the servers ran; ratios are against ActorEcho.</summary>
internal sealed record ScenarioReport(Scenario Scenario, IReadOnlyList<ServerSummary> Servers)
{
    public ServerSummary? Find(string server) => Servers.FirstOrDefault(s => s.Server == server);

    /// <summary>ActorEcho's median divided by <paramref name="server"/>'s median.</summary>
    public double? RatioOf(string server) => Statistics.Ratio(Find(ServerKind.ActorEchoName)?.Value, Find(server)?.Value);

    public static IReadOnlyList<ScenarioReport> Build(IReadOnlyList<Scenario> scenarios, IReadOnlyList<string> servers, IReadOnlyList<RunRecord> runs) =>
        [.. scenarios.Select(scenario => new ScenarioReport(
            scenario,
            [.. servers
                .Select(server => (server, runs: runs.Where(r => r.Scenario == scenario.Name && r.Server == server).ToArray()))
                .Where(x => x.runs.Length > 0)
                .Select(x => ServerSummary.From(scenario, x.server, x.runs))]))];
}
