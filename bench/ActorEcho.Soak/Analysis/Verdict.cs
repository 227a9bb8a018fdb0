namespace ActorEcho.Soak.Analysis;

/// <summary>One metric's flatness: the medians of the second and last thirds, the highest allowed last-third median, and the outcome.</summary>
internal sealed record Verdict(string Metric, double? Middle, double? Last, double? Limit, string Tolerance, bool Flat, string? Problem);
