using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace ActorEcho.Tests.Infrastructure;

/// <summary>
/// The real <c>actorecho</c> process (<c>dotnet actorecho.dll ARGS</c>, from the build output next to the tests) with its stdout and
/// stderr collected line by line. Every wait is bounded; disposing kills the process if it is still running.
/// </summary>
internal sealed partial class ActorEchoProcess : IAsyncDisposable
{
    /// <summary>How long start-up (JIT, host, bind) may take on a slow CI machine.</summary>
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);

    /// <summary>How long an exit may take once it is due (drain timeout included).</summary>
    public static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(20);

    private const int SigTerm = 15;

    private readonly Process _process;
    private readonly Task _pumps;

    private ActorEchoProcess(Process process)
    {
        _process = process;
        _pumps = Task.WhenAll(Stdout.PumpAsync(process.StandardOutput), Stderr.PumpAsync(process.StandardError));
    }

    /// <summary>Lines written to stdout.</summary>
    public LineLog Stdout { get; } = new();

    /// <summary>Lines written to stderr (logs and error lines).</summary>
    public LineLog Stderr { get; } = new();

    /// <summary>The process id.</summary>
    public int Id => _process.Id;

    /// <summary>The app's entry assembly, copied next to the tests by the project reference.</summary>
    public static string AppPath => Path.Combine(AppContext.BaseDirectory, "actorecho.dll");

    /// <summary>Starts <c>dotnet actorecho.dll</c> with <paramref name="args"/>; ACTORECHO__ variables of the test run are not passed on.</summary>
    public static ActorEchoProcess Start(params string[] args) => StartUnder(null, AppPath, args);

    /// <summary>
    /// Starts another application copied next to the tests by a project reference (<c>dotnet ASSEMBLY ARGS</c>), such as a sample;
    /// the same rules as <see cref="Start"/>.
    /// </summary>
    public static ActorEchoProcess StartApplication(string assemblyFileName, params string[] args) =>
        StartUnder(null, Path.Combine(AppContext.BaseDirectory, assemblyFileName), args);

    /// <summary>
    /// Starts <c>dotnet actorecho.dll</c> under <c>prlimit --nofile=N:N</c> (a lowered RLIMIT_NOFILE); prlimit execs dotnet, so
    /// <see cref="Id"/> is the server's own process id.
    /// </summary>
    public static ActorEchoProcess StartWithFileLimit(int openFiles, params string[] args) =>
        StartUnder(["/usr/bin/prlimit", $"--nofile={openFiles}:{openFiles}", "--"], AppPath, args);

    private static ActorEchoProcess StartUnder(string[]? launcher, string appPath, string[] args)
    {
        Assert.True(File.Exists(appPath), $"{appPath} is missing: the test project must reference its project.");
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        var startInfo = new ProcessStartInfo(launcher is null ? dotnet : launcher[0])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        if (launcher is not null)
        {
            foreach (var part in launcher.Skip(1))
            {
                startInfo.ArgumentList.Add(part);
            }

            startInfo.ArgumentList.Add(dotnet);
        }

        startInfo.ArgumentList.Add(appPath);
        foreach (var arg in args)
        {
            startInfo.ArgumentList.Add(arg);
        }

        foreach (var name in startInfo.Environment.Keys.Where(k => k.StartsWith("ACTORECHO__", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            startInfo.Environment.Remove(name);
        }

        var process = Process.Start(startInfo) ?? throw new InvalidOperationException("dotnet did not start.");
        return new ActorEchoProcess(process);
    }

    /// <summary>Waits for a line <c>Listening on 127.0.0.1:PORT</c> on stdout and returns the port.</summary>
    public async Task<int> WaitForListeningAsync()
    {
        var line = await Stdout.WaitForLineAsync(l => l.StartsWith("Listening on ", StringComparison.Ordinal), StartTimeout, "'Listening on' line on stdout");
        var match = ListeningLine().Match(line);
        Assert.True(match.Success, $"Unexpected listening line: '{line}'");
        return int.Parse(match.Groups["port"].Value, CultureInfo.InvariantCulture);
    }

    /// <summary>The number of open file descriptors of the process (<c>/proc/PID/fd</c>, Linux).</summary>
    public int OpenFileDescriptors => Directory.GetFiles($"/proc/{_process.Id}/fd").Length;

    /// <summary>The process's resident memory in bytes (<c>VmRSS</c> of <c>/proc/PID/status</c>, Linux).</summary>
    public long ResidentBytes =>
        File.ReadLines($"/proc/{_process.Id}/status")
            .Where(l => l.StartsWith("VmRSS:", StringComparison.Ordinal))
            .Select(l => long.Parse(l["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024)
            .Single();

    /// <summary>Sends SIGTERM (libc <c>kill(pid, 15)</c>).</summary>
    public void Terminate()
    {
        if (Kill(_process.Id, SigTerm) != 0)
        {
            throw new InvalidOperationException($"kill({_process.Id}, SIGTERM) failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    /// <summary>Waits (bounded) for the process to exit and for its output to be read completely; returns the exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? ExitTimeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
            await _pumps.WaitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"actorecho did not exit within {timeout ?? ExitTimeout}. Stderr:\n{string.Join('\n', Stderr.Lines)}");
        }

        return _process.ExitCode;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                using var cts = new CancellationTokenSource(ExitTimeout);
                await _process.WaitForExitAsync(cts.Token);
            }
        }
        catch (InvalidOperationException)
        {
            // it exited in the meantime
        }
        finally
        {
            _process.Dispose();
        }
    }

    [GeneratedRegex(@"^Listening on 127\.0\.0\.1:(?<port>\d+)$")]
    private static partial Regex ListeningLine();

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Kill(int pid, int signal);
}
