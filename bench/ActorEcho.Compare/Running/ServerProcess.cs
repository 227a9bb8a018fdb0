using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace ActorEcho.Compare.Running;

/// <summary>
/// A server under test, started in its own session (<c>setsid</c>) with the descriptor limit raised to the hard limit, so that
/// stopping it can signal its whole process group: the fork server's children included.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    // $1 is the log file; the rest is the command. Both execs keep the pid, so Process.Id is the server's pid and its group id.
    private const string Wrapper = "log=$1; shift; ulimit -n \"$(ulimit -Hn)\" 2>/dev/null; exec setsid \"$@\" >\"$log\" 2>&1";
    private readonly Process _process;

    private ServerProcess(Process process, int port, string logPath)
    {
        _process = process;
        Port = port;
        LogPath = logPath;
    }

    public int Pid => _process.Id;

    public int Port { get; }

    public string LogPath { get; }

    public bool HasExited => _process.HasExited;

    public static async Task<ServerProcess> StartAsync(ServerLaunch launch, string logPath, TimeSpan timeout)
    {
        var port = FreePort.Next();
        var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        foreach (var arg in (string[])["-c", Wrapper, "sh", logPath, launch.FileName, .. launch.Arguments(port)])
        {
            start.ArgumentList.Add(arg);
        }

        var server = new ServerProcess(Process.Start(start) ?? throw new InvalidOperationException($"cannot start {launch.Name}"), port, logPath);
        try
        {
            await server.WaitUntilAcceptingAsync(launch.Name, timeout);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>SIGTERM to the process group, then SIGKILL if the server has not exited within <paramref name="grace"/>.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        Signal("TERM");
        using var limit = new CancellationTokenSource(grace);
        try
        {
            await _process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            // Did not drain in time: the result is already recorded, so end it.
        }

        // Children (the fork server's) may outlive their parent: the group gets SIGKILL either way.
        Signal("KILL");
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(TimeSpan.FromSeconds(5));
        _process.Dispose();
    }

    public string LogTail(int lines = 5) =>
        File.Exists(LogPath) ? string.Join(" | ", File.ReadLines(LogPath).TakeLast(lines)) : string.Empty;

    private void Signal(string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill")
        {
            ArgumentList = { "-" + signal, "--", "-" + Pid.ToString(CultureInfo.InvariantCulture) },
            UseShellExecute = false,
            RedirectStandardError = true,
        });
        kill?.WaitForExit(5_000);
    }

    private async Task WaitUntilAcceptingAsync(string name, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{name} exited with {_process.ExitCode} before accepting: {LogTail()}");
            }

            using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            using var attempt = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            try
            {
                await probe.ConnectAsync(new IPEndPoint(IPAddress.Loopback, Port), attempt.Token);
                probe.Shutdown(SocketShutdown.Both);
                return;
            }
            catch (Exception e) when (e is SocketException or OperationCanceledException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100));
            }
        }

        throw new TimeoutException($"{name} did not accept on 127.0.0.1:{Port} within {timeout.TotalSeconds:0} s: {LogTail()}");
    }
}
