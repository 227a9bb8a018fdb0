namespace ActorEcho.Soak.Report;

/// <summary>How one load client ended: its exit code, operations and echo errors (from its JSON), or why there is no result.</summary>
internal sealed record LoadOutcome(string Load, int ExitCode, long Operations, double OperationsPerSecond, long Errors, string? Problem);
