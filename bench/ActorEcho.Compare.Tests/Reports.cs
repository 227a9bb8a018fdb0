using ActorEcho.Compare.Model;
using ActorEcho.Compare.Report;

namespace ActorEcho.Compare.Tests;

/// <summary>A full set of scenario reports from given medians (one run per server), for the bar and Markdown tests.</summary>
internal static class Reports
{
    public static IReadOnlyList<ScenarioReport> Matrix(
        (double Ops, double P99Us) actorEcho,
        (double Ops, double P99Us) thread,
        double plainOps,
        (double ActorEcho, double Plain) streamBytesPerSecond,
        (double ActorEcho, double Thread, double Fork) idleBytes)
    {
        var scenarios = ActorEcho.Compare.Matrix.Select(new CompareOptions());
        RunRecord[] runs =
        [
            Results.Ok("actorecho", "rr-1000", Results.Rr(actorEcho.Ops, actorEcho.P99Us)),
            Results.Ok("plain-dotnet", "rr-1000", Results.Rr(plainOps)),
            Results.Ok("seed-pthread", "rr-1000", Results.Rr(thread.Ops, thread.P99Us)),
            Results.Ok("actorecho", "stream", Results.Stream(streamBytesPerSecond.ActorEcho)),
            Results.Ok("plain-dotnet", "stream", Results.Stream(streamBytesPerSecond.Plain)),
            Results.Ok("actorecho", "idle", Results.Idle(idleBytes.ActorEcho)),
            Results.Ok("seed-pthread", "idle", Results.Idle(idleBytes.Thread)),
            Results.Ok("seed-fork", "idle", Results.Idle(idleBytes.Fork)),
        ];
        return [.. ScenarioReport.Build(scenarios, ["actorecho", "plain-dotnet", "seed-pthread", "seed-fork"], runs).Where(r => r.Servers.Count > 0)];
    }
}
