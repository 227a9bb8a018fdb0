using ActorEcho.Hosting;
using ActorEcho.Server;
using ActorEcho.Server.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace ActorEcho.Cli;

/// <summary>
/// <c>actorecho serve</c>: reads the configuration, builds the Generic Host with the hosting layer (<c>AddActorSystem</c> +
/// <c>WithEchoServer</c>, the same way an application embeds the server), runs it until a signal and returns the exit code
/// (see <see cref="ExitCodes"/>).
/// </summary>
internal static class ServeRunner
{
    /// <summary>The actor system's name: the first element of actor paths and the <c>actor_system</c> tag of its metrics.</summary>
    internal const string SystemName = "actorecho";

    /// <summary>
    /// What the host's stop gets beyond <c>drain-timeout</c>: the unbind and actor-system-terminate phases (5 s and 10 s by default).
    /// Coordinated shutdown bounds every phase itself; this token only guards against a phase that ignores its timeout.
    /// </summary>
    private static readonly TimeSpan ShutdownTimeoutMargin = TimeSpan.FromSeconds(30);

    /// <summary>The Generic Host's own logger, which logs a failed start ("Hosting failed to start") with its stack trace.</summary>
    private const string HostLoggerCategory = "Microsoft.Extensions.Hosting.Internal.Host";

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

        var starting = new StartupPhase();
        var host = BuildHost(configuration, starting);

        // Listening before the server starts, so the totals miss no connection; printing starts once it listens.
        using var stats = options.StatsInterval is { } interval ? new StatsReporter(SystemName, interval, Console.Error) : null;
        StartupFailure? startupFailure = null;
        try
        {
            var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
            var log = host.Services.GetRequiredService<ILogger<ShutdownSignals>>();
            using var signals = new ShutdownSignals(lifetime, log, Environment.Exit);
            var started = false;
            try
            {
                await host.StartAsync(cancellationToken).ConfigureAwait(false);
                started = true;
            }
            catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested)
            {
                // A signal arrived during start-up: the hosting layer has already stopped what it started; exit cleanly.
            }
            catch (Exception ex) when (StartupFailure.FromStartError(ex) is { } failure)
            {
                startupFailure = failure;
            }
            finally
            {
                starting.End();
            }

            if (started)
            {
                var system = host.Services.GetRequiredService<ActorSystem>();
                ProgramOutput.Listening(EchoServerBindings.For(system).Get<EchoServer>().LocalAddress);
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

        // The hosting layer sets a non-zero exit code when the actor system terminated on its own instead of by a signal.
        return Environment.ExitCode != 0 ? Environment.ExitCode : ExitCodes.Success;
    }

    private static IHost BuildHost(ServeConfiguration configuration, StartupPhase starting)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            // No appsettings.json, DOTNET_ variables or default providers: configuration is ActorEcho's HOCON layering, logging is ours.
            DisableDefaults = true,
            ApplicationName = "actorecho",
            ContentRootPath = AppContext.BaseDirectory,
        });

        // The actor system reads the application's configuration (hosting's default), which is exactly the layered HOCON.
        builder.Configuration.AddConfiguration(configuration.Configuration);

        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.TimestampFormat = "HH:mm:ss.fff ";
        });

        // The only filter rule, so it also carries the minimum level. A failed start becomes one "actorecho: …" line from RunAsync;
        // the host must not log it first with a stack trace.
        var minimum = configuration.LogLevel;
        builder.Logging.AddFilter((category, level) =>
            level >= minimum && !(level >= LogLevel.Error && starting.IsActive && category == HostLoggerCategory));
        builder.Services.Configure<ConsoleLoggerOptions>(console => console.LogToStandardErrorThreshold = LogLevel.Trace); // stdout is for "Listening on" only

        builder.Services.Configure<ConsoleLifetimeOptions>(lifetime => lifetime.SuppressStatusMessages = true);
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = configuration.Server.DrainTimeout + ShutdownTimeoutMargin);
        builder.AddActorSystem(SystemName, static (system, _) => system.WithEchoServer());
        return builder.Build();
    }
}
