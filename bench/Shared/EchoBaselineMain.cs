using System.Globalization;
using System.Net;
using System.Runtime.InteropServices;

namespace ActorEcho.EchoBaselines;

/// <summary>
/// The process shell the .NET echo baselines (PlainEcho, RawEcho) share, linked into each: parses <c>PORT</c>, applies actorecho's
/// process settings and stops the server on Ctrl+C or SIGTERM, so the baselines differ only in their echo server.
/// </summary>
internal static class EchoBaselineMain
{
    public static async Task<int> RunAsync(string name, string[] args, Func<IPEndPoint, CancellationToken, Task<int>> serve)
    {
        if (args.Length != 1 || !int.TryParse(args[0], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > IPEndPoint.MaxPort)
        {
            await Console.Error.WriteLineAsync($"usage: {name} PORT (0-65535)");
            return 2;
        }

        // As in src/ActorEcho/Program.cs: completions run on the epoll thread. Read once, when the first socket is created.
        if (Environment.GetEnvironmentVariable("DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS") is null)
        {
            Environment.SetEnvironmentVariable("DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS", "1");
        }

        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        using var sigterm = PosixSignalRegistration.Create(
            PosixSignal.SIGTERM,
            context =>
            {
                context.Cancel = true;
                stop.Cancel();
            });

        return await serve(new IPEndPoint(IPAddress.Loopback, port), stop.Token);
    }
}
