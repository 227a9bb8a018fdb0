using ActorEcho.Compare.Model;

namespace ActorEcho.Compare;

/// <summary>The load matrix of issue #6: which scenarios exist and which ones a run selects.</summary>
internal static class Matrix
{
    /// <summary>Every name <c>--scenarios</c> accepts: the scenario names and the modes.</summary>
    public static IReadOnlyList<string> Names { get; } = ["rr-1", "rr-100", "rr-1000", "stream", "idle", "churn", "rr"];

    public static IReadOnlyList<Scenario> Select(CompareOptions options)
    {
        Scenario[] all =
        [
            new("rr-1", "rr", 1, 64, Metric.OperationsPerSecond, "rr: 64 B request/response, 1 connection"),
            new("rr-100", "rr", 100, 64, Metric.OperationsPerSecond, "rr: 64 B request/response, 100 connections"),
            new("rr-1000", "rr", 1000, 64, Metric.OperationsPerSecond, "rr: 64 B request/response, 1,000 connections"),
            new("stream", "stream", 50, 4096, Metric.MegabytesPerSecond, "stream: 4 KiB pipelined writes, 50 connections"),
            new("idle", "idle", options.IdleConnections, 64, Metric.BytesPerConnection, $"idle: {options.IdleConnections:N0} open connections, server RSS per connection"),
            new("churn", "churn", options.ChurnConnections, 64, Metric.OperationsPerSecond, $"churn: connect, one 64 B echo, close ({options.ChurnConnections} at a time)"),
        ];
        return options.Scenarios.Count == 0
            ? all
            : [.. all.Where(s => options.Scenarios.Contains(s.Name) || options.Scenarios.Contains(s.Mode))];
    }
}
