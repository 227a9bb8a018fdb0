namespace ActorEcho.Compare.Report;

/// <summary>
/// One target of the bar: what it asks, what was measured, whether it was met and by how much. <c>Met</c> is null when the
/// run did not measure what the target needs (a server or scenario left out, or every run failed).
/// </summary>
internal sealed record BarCheck(string Target, string Measured, bool? Met, string Margin);
