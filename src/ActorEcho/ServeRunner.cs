using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace ActorEcho.Cli;

/// <summary>
/// <c>actorecho serve</c>: reads the configuration, builds the Generic Host (console logging on stderr, the
/// <see cref="EchoServerHostedService"/>), runs it until a signal and returns the exit code (see <see cref="ExitCodes"/>).
/// </summary>
internal static class ServeRunner
{
    /// <summary>
    /// What the host's stop gets beyond <c>drain-timeout</c>: the unbind and actor-system-terminate phases (5 s and 10 s by default).
    /// Coordinated shutdown bounds every phase itself; this token only guards against a phase that ignores its timeout.
    /// </summary>
    private static readonly TimeSpan ShutdownTimeoutMargin = TimeSpan.FromSeconds(30);

    /// <summary>Runs the server; returns when it has shut down or failed to start.</summary>
    public static async Task<int> RunAsync(ServeOptions options, CancellationToken cancellationToken)
    {
        ServeConfiguration configuration;
        try
        {
            configuration = ServeConfiguration.Load(options);
        }
        catch (Exception ex) when (StartupFailure.FromConfigurationError(ex) is { } failure)
        {
            ProgramOutput.Error(failure.Message);
            return failure.ExitCode;
        }

        var host = BuildHost(configuration);

        // Listening before the server starts, so the totals miss no connection; printing starts once it listens.
        using var stats = options.StatsInterval is { } interval ? new StatsReporter(EchoServerHostedService.SystemName, interval, Console.Error) : null;
        StartupFailure? startupFailure;
        try
        {
            var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
            var log = host.Services.GetRequiredService<ILogger<ShutdownSignals>>();
            using var signals = new ShutdownSignals(lifetime, log, Environment.Exit);
            try
            {
                await host.StartAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested)
            {
                // A signal arrived during start-up: the hosted service has already stopped what it started; exit cleanly.
            }

            startupFailure = host.Services.GetRequiredService<ServeOutcome>().Failure;
            if (startupFailure is null)
            {
                stats?.Start();
                await host.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await host.StopAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            host.Dispose(); // flushes the console logger, so the error line below is the last thing on stderr
        }

        if (startupFailure is not null)
        {
            ProgramOutput.Error(startupFailure.Message);
            return startupFailure.ExitCode;
        }

        return ExitCodes.Success;
    }

    private static IHost BuildHost(ServeConfiguration configuration)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            // No appsettings.json, DOTNET_ variables or default providers: configuration is ActorEcho's HOCON layering, logging is ours.
            DisableDefaults = true,
            ApplicationName = "actorecho",
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddConfiguration(configuration.Configuration);

        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(configuration.LogLevel);
        builder.Logging.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.TimestampFormat = "HH:mm:ss.fff ";
        });
        builder.Services.Configure<ConsoleLoggerOptions>(console => console.LogToStandardErrorThreshold = LogLevel.Trace); // stdout is for "Listening on" only

        builder.Services.Configure<ConsoleLifetimeOptions>(lifetime => lifetime.SuppressStatusMessages = true);
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = configuration.Server.DrainTimeout + ShutdownTimeoutMargin);
        builder.Services.AddSingleton(configuration);
        builder.Services.AddSingleton<ServeOutcome>();
        builder.Services.AddHostedService<EchoServerHostedService>();
        return builder.Build();
    }
}
