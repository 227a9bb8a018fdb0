using ActorEcho.Actors;
using ActorEcho.Hosting;
using ActorEcho.Server;
using ActorEcho.Server.Hosting;
using EmbeddedEcho.Greeting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EmbeddedEcho;

/// <summary>
/// A hosted service that uses the actors: it waits until the greeter is registered and the echo server listens (whichever hosted
/// service the host starts first), asks the greeter for a greeting, logs the echo server's flow-control settings, and prints <c>Listening on HOST:PORT</c> on stdout.
/// </summary>
internal sealed partial class StartupReport(IRequiredActor<Greeter> greeter, ActorSystem system, ILogger<StartupReport> log) : BackgroundService
{
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var binding = await EchoServerBindings.For(system).GetAsync<EchoServer>(stoppingToken).ConfigureAwait(false);
        var actor = await greeter.GetAsync(stoppingToken).ConfigureAwait(false);
        var greeting = await actor.Ask<Greeter.Greeting>(new Greeter.Greet("embedded echo"), AskTimeout, stoppingToken).ConfigureAwait(false);
        LogGreeting(log, greeting.Text);

        // What the layered configuration produced: port from appsettings.json (or the command line), flow control from embedded-echo.conf.
        var settings = EchoServerSettings.FromConfiguration(system.Configuration);
        LogSettings(log, settings.HighWaterMark, settings.LowWaterMark, settings.AckEvery, settings.DrainTimeout);
        Console.Out.WriteLine($"Listening on {binding.LocalAddress}");
        await Console.Out.FlushAsync(stoppingToken).ConfigureAwait(false);
    }

    [LoggerMessage(1, LogLevel.Information, "The greeter says: {Greeting}")]
    private static partial void LogGreeting(ILogger logger, string greeting);

    [LoggerMessage(2, LogLevel.Information, "Echo server flow control: high-water-mark {HighWaterMark} B, low-water-mark {LowWaterMark} B, ack-every {AckEvery} B, drain-timeout {DrainTimeout}")]
    private static partial void LogSettings(ILogger logger, long highWaterMark, long lowWaterMark, long ackEvery, TimeSpan drainTimeout);
}
