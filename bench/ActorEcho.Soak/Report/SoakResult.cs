using ActorEcho.Soak.Analysis;
using ActorEcho.Soak.Sampling;

namespace ActorEcho.Soak.Report;

/// <summary>Everything one soak run found: when and how it ran, each load's outcome, the samples and the flatness verdicts.</summary>
internal sealed record SoakResult(
    DateTimeOffset Started,
    double DurationSeconds,
    double IntervalSeconds,
    string Machine,
    string Command,
    IReadOnlyList<LoadOutcome> Loads,
    IReadOnlyList<Sample> Samples,
    IReadOnlyList<Verdict> Verdicts)
{
    /// <summary>Zero echo errors and a clean exit from every load client.</summary>
    public bool LoadsClean => Loads.All(l => l.ExitCode == 0 && l.Errors == 0);

    public bool Passed => LoadsClean && Verdicts.All(v => v.Flat);
}
