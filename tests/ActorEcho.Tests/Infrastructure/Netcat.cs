using System.Diagnostics;
using System.Text;

namespace ActorEcho.Tests.Infrastructure;

/// <summary>
/// The external client <c>nc</c> (Debian's netcat-openbsd): <c>printf DATA | nc -N 127.0.0.1 PORT</c>. The tests install nothing;
/// <c>.ci/run</c> installs netcat-openbsd when <c>nc</c> is missing.
/// </summary>
internal static class Netcat
{
    /// <summary>The full path of <c>nc</c> on PATH, or null.</summary>
    public static string? Find() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "nc"))
            .FirstOrDefault(File.Exists);

    /// <summary>Pipes <paramref name="input"/> through <c>nc -N 127.0.0.1 PORT</c> and returns what nc printed (the echo).</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RoundTripAsync(string nc, int port, string input, TimeSpan timeout)
    {
        var startInfo = new ProcessStartInfo(nc)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(false),
        };
        startInfo.ArgumentList.Add("-N"); // shut the socket down (FIN) after EOF on stdin
        startInfo.ArgumentList.Add("127.0.0.1");
        startInfo.ArgumentList.Add(port.ToString(System.Globalization.CultureInfo.InvariantCulture));

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException("nc did not start.");
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            var output = process.StandardOutput.ReadToEndAsync(cts.Token);
            var error = process.StandardError.ReadToEndAsync(cts.Token);
            await process.StandardInput.WriteAsync(input);
            process.StandardInput.Close();
            await process.WaitForExitAsync(cts.Token);
            return (process.ExitCode, await output, await error);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }
}
