using System.Runtime.InteropServices;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ActorEcho.Cli;

/// <summary>
/// SIGINT (Ctrl+C) and SIGTERM: the first stops the host gracefully (unbind, drain, terminate, exit 0); a second one exits at once
/// with 128 + the signal number (130 for SIGINT, 143 for SIGTERM), without waiting for the drain.
/// </summary>
/// <remarks>
/// The host's console lifetime also handles the first signal (it calls <see cref="IHostApplicationLifetime.StopApplication"/>, which is
/// idempotent); this registration adds the count. Every handler cancels the default action, so no signal kills the process outright.
/// </remarks>
internal sealed class ShutdownSignals : IDisposable
{
    private readonly IHostApplicationLifetime _lifetime;
    private readonly ILogger _log;
    private readonly Action<int> _exit;
    private readonly PosixSignalRegistration[] _registrations;
    private int _received;

    /// <summary>Starts handling SIGINT and SIGTERM; <paramref name="exit"/> ends the process on the second signal.</summary>
    public ShutdownSignals(IHostApplicationLifetime lifetime, ILogger log, Action<int> exit)
    {
        _lifetime = lifetime;
        _log = log;
        _exit = exit;
        _registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal),
        ];
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }
    }

    private void OnSignal(PosixSignalContext context)
    {
        context.Cancel = true;
        var name = context.Signal == PosixSignal.SIGINT ? "SIGINT" : "SIGTERM";
        if (Interlocked.Increment(ref _received) == 1)
        {
            _log.LogInformation("{Signal} received; shutting down gracefully (send it again to exit at once)", name);
            _lifetime.StopApplication();
            return;
        }

        var exitCode = context.Signal == PosixSignal.SIGINT ? ExitCodes.SecondSigInt : ExitCodes.SecondSigTerm;
        ProgramOutput.Error($"second {name}: exiting at once without finishing the shutdown (exit code {exitCode})");
        _exit(exitCode);
    }
}
