using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ActorEcho.Hosting.Tests.Infrastructure;

/// <summary>Builds real Generic Hosts for tests: no default sources, logs collected, every start and stop bounded.</summary>
public static class TestHosts
{
    /// <summary>Bound of a start or stop that should be quick; generous for a loaded 2-core machine.</summary>
    public static readonly TimeSpan Generous = TimeSpan.FromSeconds(30);

    public static HostApplicationBuilder CreateBuilder(CollectingLoggerProvider logs, TimeSpan? shutdownTimeout = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.SetMinimumLevel(LogLevel.Debug);
        builder.Logging.AddProvider(logs);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = shutdownTimeout ?? Generous);
        return builder;
    }

    public static async Task StartBoundedAsync(this IHost host)
    {
        using var cts = new CancellationTokenSource(Generous);
        await host.StartAsync(cts.Token);
    }

    public static async Task StopAndDisposeAsync(this IHost host)
    {
        try
        {
            using var cts = new CancellationTokenSource(Generous);
            await host.StopAsync(cts.Token);
        }
        finally
        {
            await ((IAsyncDisposable)host).DisposeAsync();
        }
    }
}
