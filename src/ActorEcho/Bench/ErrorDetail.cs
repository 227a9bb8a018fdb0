namespace ActorEcho.Cli.Bench;

/// <summary>The errors of a run by kind; their sum is <see cref="BenchReport.Errors"/>.</summary>
internal sealed record ErrorDetail(long Mismatches, long ShortReads, long UnexpectedCloses, long ConnectFailures);
