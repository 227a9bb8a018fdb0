namespace ActorEcho.Compare.Model;

/// <summary>One load-client run against one server: its result, or why there is none, and where the client wrote its JSON (relative to the repository).</summary>
internal sealed record RunRecord(string Server, string Scenario, int Run, LoadResult? Result, string? Failure, string? JsonPath = null);
