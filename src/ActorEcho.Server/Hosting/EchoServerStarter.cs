using System.Net;
using ActorEcho.Actors.Shutdown;
using ActorEcho.Hosting;
using Microsoft.Extensions.Logging;

namespace ActorEcho.Server.Hosting;

/// <summary>
/// Starts one hosted echo server: reads its settings, creates it behind a <see cref="FirstBindGuard"/>, waits (bounded) until it is
/// bound or its first bind failed, then registers it and hooks its unbind and drain into coordinated shutdown.
/// </summary>
internal sealed class EchoServerStarter(Type key, Func<EchoServerSettings, EchoServerSettings>? configure, string actorName)
{
    /// <summary>How long start-up waits for the first bind to succeed or fail.</summary>
    internal static readonly TimeSpan BindTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Time the drain phase needs beyond <c>drain-timeout</c> to reset the remaining connections and report.</summary>
    private static readonly TimeSpan DrainPhaseMargin = TimeSpan.FromSeconds(1);

    public async Task StartAsync(ActorSystem system, ActorRegistry registry, CancellationToken cancellationToken)
    {
        var settings = EchoServerSettings.FromConfiguration(system.Configuration);
        if (configure is not null)
        {
            settings = configure(settings) ?? throw new InvalidOperationException($"The settings callback of the echo server '{actorName}' returned null.");
        }

        settings.Validate();
        var log = system.LoggerFactory.CreateLogger<EchoServerStarter>();
        var shutdown = CoordinatedShutdown.Get(system);
        WarnIfDrainOutlastsItsPhase(log, shutdown, settings);

        var endPoint = settings.LocalEndPoint;
        var firstFailure = new TaskCompletionSource<Tcp.CommandFailed>(TaskCreationOptions.RunContinuationsAsynchronously);
        var guard = system.SystemActorOf(FirstBindGuard.CreateProps(Tcp.Manager(system), firstFailure), actorName + "-bind-guard");
        var server = system.ActorOf(EchoServer.CreateProps(settings, guard), actorName);

        using var stopWaiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var bound = server.Ask<Tcp.Bound>(EchoServer.GetBoundAddress.Instance, BindTimeout, stopWaiting.Token);
        Tcp.Bound result;
        try
        {
            if (await Task.WhenAny(bound, firstFailure.Task).ConfigureAwait(false) == firstFailure.Task)
            {
                await stopWaiting.CancelAsync().ConfigureAwait(false);
                var failed = await firstFailure.Task.ConfigureAwait(false);
                throw new EchoServerBindException(endPoint, BindFailureReason.Describe(failed.Cause), failed.Cause);
            }

            result = await bound.ConfigureAwait(false);
        }
        catch (AskTimeoutException ex) when (!cancellationToken.IsCancellationRequested)
        {
            system.Stop(server);
            throw new EchoServerBindException(endPoint, $"no answer to the bind within {BindTimeout.TotalSeconds:0} s", ex);
        }
        catch
        {
            system.Stop(server);
            throw;
        }

        var address = result.LocalAddress as IPEndPoint ?? endPoint;
        registry.Register(key, server);
        EchoServerBindings.For(system).Add(new EchoServerBinding(key, address, server));
        AddShutdownTasks(log, shutdown, server, settings);
        EchoServerHostingLog.Listening(log, actorName, address);
    }

    private void AddShutdownTasks(ILogger log, CoordinatedShutdown shutdown, IActorRef server, EchoServerSettings settings)
    {
        shutdown.AddTask(CoordinatedShutdown.PhaseServiceUnbind, actorName + "-unbind", async token =>
        {
            await server.Ask<EchoServer.Unbound>(EchoServer.Unbind.Instance, shutdown.Timeout(CoordinatedShutdown.PhaseServiceUnbind), token).ConfigureAwait(false);
            EchoServerHostingLog.Unbound(log, actorName);
        });
        shutdown.AddTask(CoordinatedShutdown.PhaseServiceRequestsDone, actorName + "-drain", async token =>
        {
            var timeout = settings.DrainTimeout;
            var drained = await server.Ask<EchoServer.Drained>(new EchoServer.Drain(timeout), shutdown.Timeout(CoordinatedShutdown.PhaseServiceRequestsDone) + timeout, token).ConfigureAwait(false);
            if (drained.AbortedConnections > 0)
            {
                EchoServerHostingLog.DrainAborted(log, actorName, drained.AbortedConnections, timeout);
            }
        });
    }

    private void WarnIfDrainOutlastsItsPhase(ILogger log, CoordinatedShutdown shutdown, EchoServerSettings settings)
    {
        var phase = shutdown.Timeout(CoordinatedShutdown.PhaseServiceRequestsDone);
        if (phase < settings.DrainTimeout + DrainPhaseMargin)
        {
            EchoServerHostingLog.DrainOutlastsPhase(log, actorName, settings.DrainTimeout, phase);
        }
    }
}
