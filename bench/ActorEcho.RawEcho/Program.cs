using System.Globalization;
using System.Net;
using ActorEcho.RawEcho;

// RawEcho PORT: PlainEcho (bench/ActorEcho.PlainEcho) without Kestrel's transport: one async receive/send loop per socket, with
// the same process settings, so PlainEcho minus RawEcho is what the transport's pipes and scheduling cost.
if (args.Length != 1 || !int.TryParse(args[0], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > IPEndPoint.MaxPort)
{
    await Console.Error.WriteLineAsync("usage: RawEcho PORT (0-65535)");
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
using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(
    System.Runtime.InteropServices.PosixSignal.SIGTERM,
    context =>
    {
        context.Cancel = true;
        stop.Cancel();
    });

return await EchoServer.RunAsync(new IPEndPoint(IPAddress.Loopback, port), stop.Token);
