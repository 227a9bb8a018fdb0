using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using ActorEcho.Tests.Infrastructure;

namespace ActorEcho.Tests;

/// <summary>User errors at start-up: one <c>actorecho: …</c> line on stderr, no stack trace, nothing on stdout, the right exit code.</summary>
public sealed class StartupErrorTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("actorecho-tests-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task PortInUse_ExitsOneWithOneLineMessage()
    {
        var occupier = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        occupier.Start();
        try
        {
            var port = ((IPEndPoint)occupier.LocalEndpoint).Port;
            await using var app = ActorEchoProcess.Start("serve", "--port", port.ToString(CultureInfo.InvariantCulture));

            Assert.Equal(1, await app.WaitForExitAsync(ActorEchoProcess.StartTimeout));
            AssertOneErrorLine(app, $"actorecho: cannot listen on 127.0.0.1:{port}: address already in use");
        }
        finally
        {
            occupier.Stop();
        }
    }

    [Theory]
    [InlineData("--bogus", "serve", "--bogus")]
    [InlineData("--port", "--port", "abc")]
    [InlineData("--port", "serve", "--port", "70000")]
    [InlineData("--max-connections", "--max-connections", "-1")]
    [InlineData("--log-level", "--log-level", "loud")]
    [InlineData("--host", "--host", "not-an-address")]
    public async Task BadFlag_ExitsTwoWithOneLineNamingTheFlag(string flag, params string[] args)
    {
        await using var app = ActorEchoProcess.Start(args);

        Assert.Equal(2, await app.WaitForExitAsync(ActorEchoProcess.StartTimeout));
        var line = AssertOneErrorLine(app);
        Assert.Contains(flag, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfigFileWithSyntaxError_ExitsTwoWithFileLineCol()
    {
        var path = Path.Combine(_directory, "broken.conf");
        await File.WriteAllTextAsync(path, "actorecho {\n  server {\n    port = 0\n    greeting = [\"unclosed\"\n  }\n");
        await using var app = ActorEchoProcess.Start("serve", "--config", path);

        Assert.Equal(2, await app.WaitForExitAsync(ActorEchoProcess.StartTimeout));
        var line = AssertOneErrorLine(app);
        Assert.Matches("^actorecho: " + Regex.Escape(path) + @":\d+:\d+: ", line);
    }

    [Fact]
    public async Task ConfigFileWithBadValue_ExitsTwoWithFileLineColAndKey()
    {
        var path = Path.Combine(_directory, "bad-value.conf");
        await File.WriteAllTextAsync(path, "actorecho.server {\n  port = 0\n  drain-timeout = soon\n}\n");
        await using var app = ActorEchoProcess.Start("serve", "--config", path);

        Assert.Equal(2, await app.WaitForExitAsync(ActorEchoProcess.StartTimeout));
        var line = AssertOneErrorLine(app);
        Assert.StartsWith($"actorecho: {path}:3:", line, StringComparison.Ordinal);
        Assert.Contains("drain-timeout", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfigFileWithTypoOfKnownKey_ExitsTwoNamingKeySuggestionAndFileLineCol()
    {
        var path = Path.Combine(_directory, "typo.conf");
        await File.WriteAllTextAsync(path, "# a typo of port\nactorecho.server.prot = 1\n");
        await using var app = ActorEchoProcess.Start("serve", "--port", "0", "--config", path);

        Assert.Equal(2, await app.WaitForExitAsync(ActorEchoProcess.StartTimeout));
        var line = AssertOneErrorLine(app);
        Assert.Matches("^actorecho: " + Regex.Escape(path) + @":2:\d+: unknown key 'actorecho\.server\.prot' \(did you mean 'actorecho\.server\.port'\?\)$", line);
    }

    [Fact]
    public async Task MissingConfigFile_ExitsTwo()
    {
        var path = Path.Combine(_directory, "missing.conf");
        await using var app = ActorEchoProcess.Start("serve", "--port", "0", "--config", path);

        Assert.Equal(2, await app.WaitForExitAsync(ActorEchoProcess.StartTimeout));
        var line = AssertOneErrorLine(app);
        Assert.Contains(path, line, StringComparison.Ordinal);
    }

    /// <summary>Stdout is empty, stderr has exactly one <c>actorecho: </c> line (the last one) and no stack trace.</summary>
    private static string AssertOneErrorLine(ActorEchoProcess app, string? expected = null)
    {
        Assert.Empty(app.Stdout.Lines);
        var stderr = app.Stderr.Lines;
        var errors = stderr.Where(l => l.StartsWith("actorecho: ", StringComparison.Ordinal)).ToList();
        Assert.True(errors.Count == 1, "Expected one error line on stderr:\n" + string.Join('\n', stderr));
        Assert.Equal(errors[0], stderr[^1]);
        Assert.DoesNotContain(stderr, l => l.TrimStart().StartsWith("at ", StringComparison.Ordinal) || l.Contains("Exception:", StringComparison.Ordinal));
        if (expected is not null)
        {
            Assert.Equal(expected, errors[0]);
        }

        return errors[0];
    }
}
