using ActorEcho.Actors.Shutdown;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ActorEcho.Hosting.Internal;

/// <summary>
/// Ties the actor system's life to the host's. Start: create the system, run the starters in order; on any failure, terminate the
/// system (which runs the shutdown tasks the starters added, unbinding what was bound) and rethrow, for the host to log once and fail
/// its start with. Stop: run
/// coordinated shutdown, waiting no longer than the host's stop token allows. A system that terminates by itself while the host
/// runs stops the host with a non-zero exit code.
/// </summary>
internal sealed class ActorSystemHostedService(
    ActorSystemFactory factory,
    ActorRegistry registry,
    IDependencyResolver resolver,
    IHostApplicationLifetime lifetime,
    ILogger<ActorSystemHostedService> log) : IHostedService
{
    /// <summary>The exit code a system that terminates on its own leaves behind, unless the application set one already.</summary>
    internal const int TerminatedExitCode = 1;

    private ActorSystem? _system;
    private volatile bool _stoppingByHost;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        ActorSystem? system = null;
        try
        {
            system = factory.System;
            _ = system.CoordinatedShutdown; // touch it before starters add tasks (it reads its phase timeouts at creation)
            var starters = factory.Builder.Starters;
            foreach (var starter in starters)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await starter(system, registry, resolver, cancellationToken).ConfigureAwait(false);
            }

            _system = system;
            _ = system.WhenTerminated.ContinueWith(
                static (_, state) => ((ActorSystemHostedService)state!).OnTerminated(),
                this,
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
            HostingLog.Started(log, system.Name, starters.Count);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            if (system is not null)
            {
                _stoppingByHost = true;
                registry.Close("the actor system failed to start: " + ex.Message);
                await TerminateAsync(system).ConfigureAwait(false);
            }

            HostingLog.StartFailed(log, system?.Name ?? factory.Name);
            throw;
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_system is not { } system)
        {
            return;
        }

        _stoppingByHost = true;
        HostingLog.Stopping(log, system.Name);
        try
        {
            await CoordinatedShutdown.Get(system).Run(ShutdownReason.ClrExit).WaitAsync(cancellationToken).ConfigureAwait(false);
            await system.Terminate().WaitAsync(cancellationToken).ConfigureAwait(false); // already done unless terminate-actor-system = off
            HostingLog.Stopped(log, system.Name);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            HostingLog.StopTimedOut(log, system.Name);
        }
        finally
        {
            registry.Close("the actor system was shut down");
        }
    }

    /// <summary>Undoes a failed start: terminate, bounded by the shutdown's own phase timeouts.</summary>
    private static async Task TerminateAsync(ActorSystem system)
    {
        var bound = system.CoordinatedShutdown.TotalTimeout + TimeSpan.FromSeconds(5);
        try
        {
            await system.Terminate().WaitAsync(bound).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Every phase is bounded; reaching this means an actor ignores stop. The start failure is what gets reported.
        }
    }

    private void OnTerminated()
    {
        var system = _system!;
        registry.Close("the actor system terminated");
        if (_stoppingByHost || lifetime.ApplicationStopping.IsCancellationRequested)
        {
            return;
        }

        if (Environment.ExitCode == 0)
        {
            Environment.ExitCode = TerminatedExitCode;
        }

        HostingLog.TerminatedOnItsOwn(log, system.Name, system.CoordinatedShutdown.Reason?.Name ?? "unknown", Environment.ExitCode);
        lifetime.StopApplication();
    }
}
