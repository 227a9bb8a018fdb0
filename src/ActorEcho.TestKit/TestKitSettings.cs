using System.Globalization;
using ActorEcho.Configuration;
using Microsoft.Extensions.Configuration;

namespace ActorEcho.TestKit;

/// <summary>
/// Timeouts of the TestKit (<c>actorecho.test.*</c>, defaults in the embedded <c>reference/testkit.conf</c>), all multiplied by
/// <see cref="TimeFactor"/> so slow machines can stretch every wait without editing tests.
/// </summary>
public sealed class TestKitSettings
{
    /// <summary>Environment variable that overrides <c>actorecho.test.timefactor</c> (handy in CI).</summary>
    public const string TimeFactorVariable = "ACTORECHO__TEST__TIMEFACTOR";

    private TestKitSettings(IConfiguration configuration)
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(TimeFactorVariable);
        var factorText = fromEnvironment ?? configuration["actorecho:test:timefactor"] ?? "1.0";
        if (!double.TryParse(factorText, NumberStyles.Float, CultureInfo.InvariantCulture, out var factor) || !double.IsFinite(factor) || factor <= 0)
        {
            var expectation = "must be a positive number such as 1.0 or 3" + (fromEnvironment is null ? string.Empty : $" (set by the environment variable {TimeFactorVariable})");
            throw ConfigurationValueException.OutOfRange(configuration, "actorecho:test:timefactor", factorText, expectation);
        }

        TimeFactor = factor;
        SingleExpectDefault = configuration.GetDuration("actorecho:test:single-expect-default", TimeSpan.FromSeconds(3));
        DefaultTimeout = configuration.GetDuration("actorecho:test:default-timeout", TimeSpan.FromSeconds(5));
        FilterLeeway = configuration.GetDuration("actorecho:test:filter-leeway", TimeSpan.FromSeconds(3));
        ExpectNoMessageDefault = configuration.GetDuration("actorecho:test:expect-no-message-default", TimeSpan.FromMilliseconds(100));
    }

    /// <summary><c>actorecho.test.timefactor</c>: multiplier for every TestKit timeout.</summary>
    public double TimeFactor { get; }

    /// <summary><c>actorecho.test.single-expect-default</c>, undilated.</summary>
    public TimeSpan SingleExpectDefault { get; }

    /// <summary><c>actorecho.test.default-timeout</c>, undilated.</summary>
    public TimeSpan DefaultTimeout { get; }

    /// <summary><c>actorecho.test.filter-leeway</c>, undilated.</summary>
    public TimeSpan FilterLeeway { get; }

    /// <summary><c>actorecho.test.expect-no-message-default</c>, undilated.</summary>
    public TimeSpan ExpectNoMessageDefault { get; }

    /// <summary>Reads the settings from a system's configuration.</summary>
    public static TestKitSettings FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new TestKitSettings(configuration);
    }

    /// <summary>Scales <paramref name="duration"/> by <see cref="TimeFactor"/>.</summary>
    public TimeSpan Dilated(TimeSpan duration) => duration == Timeout.InfiniteTimeSpan ? duration : TimeSpan.FromTicks((long)(duration.Ticks * TimeFactor));
}
