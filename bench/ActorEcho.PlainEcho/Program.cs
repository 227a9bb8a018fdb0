using System.Globalization;
using System.Net;
using ActorEcho.PlainEcho;

// PlainEcho PORT: the same transport, options and process settings as actorecho (src/ActorEcho/Program.cs, hocon/reference/io.conf),
// minus the actors, so the difference between the two is what the actor layer costs.
if (args.Length != 1 || !int.TryParse(args[0], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > IPEndPoint.MaxPort)
{
    await Console.Error.WriteLineAsync("usage: PlainEcho PORT (0-65535)");
    return 2;
}

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
