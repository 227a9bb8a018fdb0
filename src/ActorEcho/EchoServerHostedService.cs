using ActorEcho.Actors.Shutdown;
using ActorEcho.Server;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ActorEcho.Cli;

/// <summary>
/// Runs the echo server inside the Generic Host. Start: create the actor system (logging through the host's
/// <see cref="ILoggerFactory"/>), the <see cref="EchoServer"/> behind a <see cref="FirstBindGuard"/>, wait (bounded) for the first
/// bind, print <c>Listening on HOST:PORT</c>. Stop: coordinated shutdown, into whose phases the server's shutdown is hooked:
/// <c>service-unbind</c> sends <see cref="EchoServer.Unbind"/>, <c>service-requests-done</c> sends <see cref="EchoServer.Drain"/>,
/// and the last phase terminates the actor system.
/// </summary>
internal sealed class EchoServerHostedService : IHostedService
{
    /// <summary>How long start-up waits for the first bind to succeed or fail before giving up.</summary>
    internal static readonly TimeSpan BindTimeout = TimeSpan.FromSeconds(10);

    /// <summary>The actor system's name: the first element of actor paths and the <c>actor_system</c> tag of its metrics.</summary>
    internal const string SystemName = "actorecho";

    private readonly ServeConfiguration _configuration;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ServeOutcome _outcome;
    private readonly ILogger _log;
    private ActorSystem? _system;

    public EchoServerHostedService(ServeConfiguration configuration, ILoggerFactory loggerFactory, ServeOutcome outcome)
    {
        _configuration = configuration;
        _loggerFactory = loggerFactory;
        _outcome = outcome;
        _log = loggerFactory.CreateLogger<EchoServerHostedService>();
    }

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var endPoint = ProgramOutput.Format(_configuration.Server.LocalEndPoint);
        try
        {
            _system = ActorSystem.Create(SystemName, _configuration.Configuration, _loggerFactory);
            var firstFailure = new TaskCompletionSource<Tcp.CommandFailed>(TaskCreationOptions.RunContinuationsAsynchronously);
            var guard = _system.ActorOf(FirstBindGuard.CreateProps(Tcp.Manager(_system), firstFailure), "first-bind-guard");
            var server = _system.ActorOf(EchoServer.CreateProps(_configuration.Server, guard), "echo-server");

            using var stopWaiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var bound = server.Ask<Tcp.Bound>(EchoServer.GetBoundAddress.Instance, BindTimeout, stopWaiting.Token);
            var first = await Task.WhenAny(bound, firstFailure.Task).ConfigureAwait(false);
            if (first == firstFailure.Task)
            {
                await stopWaiting.CancelAsync().ConfigureAwait(false);
                var failed = await firstFailure.Task.ConfigureAwait(false);
                await FailAsync(ExitCodes.CannotListen, $"cannot listen on {endPoint}: {BindFailureReason.Describe(failed.Cause)}").ConfigureAwait(false);
                return;
            }

            var address = (await bound.ConfigureAwait(false)).LocalAddress;
            AddShutdownTasks(_system, server);
            ProgramOutput.Listening(address);
        }
        catch (AskTimeoutException)
        {
            await FailAsync(ExitCodes.CannotListen, $"cannot listen on {endPoint}: no answer to the bind within {BindTimeout.TotalSeconds:0} s").ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // A signal (or the host) stopped start-up before the server was listening: nothing to drain.
            _log.LogInformation("Start-up interrupted before the server was listening");
            await TerminateAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (StartupFailure.FromConfigurationError(ex) is { } failure)
        {
            await FailAsync(failure.ExitCode, failure.Message).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_system is not { } system)
        {
            return;
        }

        _log.LogInformation("Shutting down: no new connections; open ones get {DrainTimeout} to finish", _configuration.Server.DrainTimeout);
        try
        {
            await CoordinatedShutdown.Get(system).Run(ShutdownReason.ClrExit).WaitAsync(cancellationToken).ConfigureAwait(false);
            await system.Terminate().WaitAsync(cancellationToken).ConfigureAwait(false); // done already unless terminate-actor-system = off
            _log.LogInformation("Shut down");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            _log.LogWarning("Shutdown did not finish within the host's shutdown timeout; exiting anyway");
        }
    }

    private void AddShutdownTasks(ActorSystem system, IActorRef server)
    {
        var shutdown = CoordinatedShutdown.Get(system);
        shutdown.AddTask(CoordinatedShutdown.PhaseServiceUnbind, "echo-server-unbind", async token =>
        {
            await server.Ask<EchoServer.Unbound>(EchoServer.Unbind.Instance, shutdown.Timeout(CoordinatedShutdown.PhaseServiceUnbind), token).ConfigureAwait(false);
            _log.LogInformation("Stopped accepting connections");
        });
        shutdown.AddTask(CoordinatedShutdown.PhaseServiceRequestsDone, "echo-server-drain", async token =>
        {
            var timeout = _configuration.Server.DrainTimeout;
            var drained = await server.Ask<EchoServer.Drained>(new EchoServer.Drain(timeout), shutdown.Timeout(CoordinatedShutdown.PhaseServiceRequestsDone) + timeout, token).ConfigureAwait(false);
            if (drained.AbortedConnections > 0)
            {
                _log.LogWarning("{Aborted} connection(s) did not finish within {DrainTimeout} and were reset", drained.AbortedConnections, timeout);
            }
        });
    }

    private async Task FailAsync(int exitCode, string message)
    {
        _outcome.Fail(new StartupFailure(exitCode, message));
        await TerminateAsync().ConfigureAwait(false);
    }

    private async Task TerminateAsync()
    {
        if (_system is { } system)
        {
            _system = null;
            await system.Terminate().ConfigureAwait(false);
        }
    }
}
