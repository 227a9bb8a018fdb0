using System.Globalization;
using System.Text.RegularExpressions;

namespace ActorEcho.TestKit.Tests;

/// <summary>Reads the parts of a <see cref="TestKitAssertionException"/> message that the tests assert on.</summary>
internal static partial class FailureText
{
    /// <summary>The N of the trailing "[after N ms]" that every expectation failure carries.</summary>
    public static int AfterMs(string message)
    {
        var match = AfterPattern().Match(message);
        Assert.True(match.Success, $"The failure message does not say after how long it failed: {message}");
        return int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    /// <summary>The first "within N ms" of a message.</summary>
    public static int WithinMs(string message)
    {
        var match = WithinPattern().Match(message);
        Assert.True(match.Success, $"The failure message does not say how long it waited: {message}");
        return int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    /// <summary>Formats a duration the way the TestKit does ("150 ms").</summary>
    public static string Ms(TimeSpan duration) => $"{duration.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)} ms";

    [GeneratedRegex(@"\[after (\d+) ms\]")]
    private static partial Regex AfterPattern();

    [GeneratedRegex(@"within (\d+) ms")]
    private static partial Regex WithinPattern();
}
