using System.Diagnostics;
using System.Globalization;
using ActorEcho.Tests.Infrastructure;

namespace ActorEcho.Tests.Bench;

/// <summary><c>actorecho bench</c> as a user runs it: bad input gives one <c>actorecho: …</c> line on stderr and exit code 2.</summary>
public sealed class BenchProcessTests
{
    [Theory]
    [InlineData("mode: 'pingpong'", "bench", "pingpong")]
    [InlineData("--size: '0'", "bench", "rr", "--size", "0")]
    [InlineData("--size: '65MiB'", "bench", "rr", "--size", "65MiB")]
    public async Task BadFlag_ExitsTwoWithOneLineNamingIt(string expected, params string[] args)
    {
        await using var app = ActorEchoProcess.Start(args);

        Assert.Equal(2, await app.WaitForExitAsync(ActorEchoProcess.StartTimeout));
        var line = Assert.Single(app.Stderr.Lines);
        Assert.StartsWith("actorecho: " + expected, line, StringComparison.Ordinal);
        Assert.Empty(app.Stdout.Lines);
    }

    [Fact]
    public async Task MoreConnectionsThanFileDescriptors_ExitsTwoSuggestingUlimit()
    {
        // A shell lowers both limits first, so the client cannot raise its soft limit past them.
        var startInfo = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "-c", "ulimit -n 256 && exec \"$@\"", "bash", Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet", ActorEchoProcess.AppPath, "bench", "rr", "--connections", "5000", "--port", "9" })
        {
            startInfo.ArgumentList.Add(arg);
        }

        using var process = Process.Start(startInfo)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(ActorEchoProcess.StartTimeout);
        await process.WaitForExitAsync(timeout.Token);

        Assert.Equal(2, process.ExitCode);
        var line = Assert.Single((await stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("actorecho: --connections: 5,000 connections need", line, StringComparison.Ordinal);
        Assert.Contains("ulimit -n", line, StringComparison.Ordinal);
        Assert.Contains(256.ToString(CultureInfo.InvariantCulture), line, StringComparison.Ordinal);
        Assert.Empty(await stdout);
    }
}
