namespace ActorEcho.TestKit.Tests;

/// <summary>
/// Tests that read or change the process-wide <see cref="TestKitSettings.TimeFactorVariable"/>: xunit runs this collection
/// alone, after every parallel test, so no other TestKit can see the variable while it is changed.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimeFactorCollection
{
    public const string Name = "Time factor (process environment)";
}
