using System.Diagnostics;
using System.Net.Sockets;
using ActorEcho.Actors.Supervision;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Logging;

namespace ActorEcho.IO.Internal;

/// <summary>
/// INTERNAL API. One per <see cref="Tcp.Bind"/>: binds through Kestrel's socket transport, answers the binder with
/// <see cref="Tcp.Bound"/> (or <see cref="Tcp.CommandFailed"/>), and turns each accepted socket into a child <see cref="TcpConnection"/>.
/// </summary>
/// <remarks>
/// Accepting runs in <c>batch-accept-limit</c> async loops that only tell this actor what they accepted; all state changes happen
/// here. Accept errors (EMFILE, aborted handshakes) never stop the listener: the loop backs off and tries again, and the error is
/// logged at most once per second. Connections beyond <c>max-connections</c> are accepted and closed at once, so the kernel's
/// backlog does not fill with clients that will never be served. After <see cref="Tcp.Unbind"/> the connections stay open; the
/// listener stops when the last one closes.
/// </remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "An actor releases what it owns in PostStop.")]
internal sealed class TcpListener : ActorBase
{
    private readonly TcpExtension _tcp;
    private readonly Tcp.Bind _bind;
    private readonly IActorRef _commander;
    private readonly ILogger _log;
    private readonly CancellationTokenSource _stopAccepting = new();
    private readonly SemaphoreSlim? _acceptCredits;
    private IConnectionListener? _listener;
    private Task<ListenerBound>? _binding;
    private bool _bindCompleted;
    private IActorRef? _unbindRequester;
    private int _connections;
    private long _connectionCounter;
    private long _lastAcceptErrorLog;
    private long _refusedSinceLog;
    private bool _unbound;

    private TcpListener(TcpExtension tcp, Tcp.Bind bind, IActorRef commander)
    {
        _tcp = tcp;
        _bind = bind;
        _commander = commander;
        _log = Context.GetLogger();
        _acceptCredits = bind.PullMode ? new SemaphoreSlim(0) : null;
    }

    public static Props CreateProps(TcpExtension tcp, Tcp.Bind bind, IActorRef commander) =>
        Props.Create(() => new TcpListener(tcp, bind, commander)).WithDispatcher("internal-dispatcher");

    protected override void PreStart()
    {
        Context.Watch(_bind.Handler);
        _binding = BindAsync();
        _binding.PipeTo(Self);
    }

    protected override void PostStop()
    {
        _stopAccepting.Cancel();
        _stopAccepting.Dispose();
        _acceptCredits?.Dispose();
        if (_listener is { } listener)
        {
            _ = DisposeListenerAsync(listener);
        }
        else if (!_bindCompleted && _binding is { } binding)
        {
            // Stopped while binding (e.g. the bind handler died): release the port once the bind completes.
            _ = binding.ContinueWith(
                static t => t.IsCompletedSuccessfully ? DisposeListenerAsync(t.Result.Listener) : Task.CompletedTask,
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default).Unwrap();
        }
    }

    protected override SupervisorStrategy SupervisorStrategy() => Actors.Supervision.SupervisorStrategy.StoppingStrategy;

    protected override bool Receive(object message) => message switch
    {
        ListenerBound bound => OnBound(bound.Listener),
        Status.Failure failure => OnBindFailed(failure.Cause),
        _ => ReceiveBound(message),
    };

    private bool OnBound(IConnectionListener listener)
    {
        _bindCompleted = true;
        _listener = listener;
        _log.LogDebug("Bound {Address} (backlog {Backlog}{Pull})", listener.EndPoint, _bind.Backlog, _bind.PullMode ? ", pull mode" : string.Empty);
        _commander.Tell(new Tcp.Bound(listener.EndPoint), Self);
        for (var i = 0; i < _tcp.Settings.BatchAcceptLimit; i++)
        {
            _ = AcceptLoopAsync(listener, Self, _acceptCredits, _tcp.Settings, _stopAccepting.Token);
        }

        return true;
    }

    private bool OnBindFailed(Exception cause)
    {
        _bindCompleted = true;
        _log.LogDebug("Bind to {Address} failed: {Reason}", _bind.LocalAddress, cause.Message);
        _commander.Tell(_bind.FailureMessage(cause), Self);
        Context.Stop(Self);
        return true;
    }

    private bool ReceiveBound(object message)
    {
        switch (message)
        {
            case Accepted accepted:
                OnAccepted(accepted.Connection);
                return true;
            case AcceptFailed failed:
                LogAcceptError(failed.Error);
                return true;
            case Terminated terminated when terminated.ActorRef.Equals(_bind.Handler):
                _log.LogDebug("Bind handler of {Address} stopped; unbinding", _bind.LocalAddress);
                Context.Stop(Self);
                return true;
            case Terminated:
                _connections--;
                if (_unbound && _connections == 0 && _unbindRequester is null)
                {
                    Context.Stop(Self);
                }

                return true;
            case Tcp.ResumeAccepting resume:
                _acceptCredits?.Release(resume.BatchSize);
                return true;
            case Tcp.Unbind:
                Unbind(Sender);
                return true;
            case ListenerUnbound unbound:
                unbound.Requester.Tell(Tcp.Unbound.Instance, Self);
                _unbindRequester = null;
                if (_connections == 0)
                {
                    Context.Stop(Self);
                }

                return true;
            default:
                return false;
        }
    }

    private void OnAccepted(ConnectionContext connection)
    {
        var max = _tcp.Settings.MaxConnections;
        if (_unbound || (max > 0 && _connections >= max))
        {
            _tcp.Metrics.Refused();
            _refusedSinceLog++;
            if (ShouldLogNow())
            {
                _log.LogWarning("Refused {Count} connection(s) to {Address}: max-connections ({Max}) reached", _refusedSinceLog, _bind.LocalAddress, max);
                _refusedSinceLog = 0;
            }

            connection.Abort(new ConnectionAbortedException("max-connections reached"));
            _ = connection.DisposeAsync().AsTask();
            return;
        }

        _connections++;
        _tcp.Metrics.Accepted();
        var name = "conn-" + (++_connectionCounter).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var child = Context.ActorOf(TcpConnection.CreateProps(_tcp, connection, _bind.Handler, _bind.PullMode), name);
        Context.Watch(child);
    }

    private void Unbind(IActorRef requester)
    {
        if (_unbound)
        {
            requester.Tell(Tcp.Unbound.Instance, Self);
            return;
        }

        _unbound = true;
        _stopAccepting.Cancel();
        var listener = _listener;
        if (listener is null)
        {
            requester.Tell(Tcp.Unbound.Instance, Self);
            Context.Stop(Self);
            return;
        }

        _listener = null;
        _unbindRequester = requester;
        DisposeListenerAsync(listener).PipeTo(Self, success: () => new ListenerUnbound(requester), failure: _ => new ListenerUnbound(requester));
    }

    private void LogAcceptError(Exception error)
    {
        if (ShouldLogNow())
        {
            _log.LogWarning(error, "Accept on {Address} failed; backing off and retrying: {Reason}", _bind.LocalAddress, error.Message);
        }
    }

    /// <summary>Rate limit for warnings that a flood could repeat thousands of times a second.</summary>
    private bool ShouldLogNow()
    {
        var now = Stopwatch.GetTimestamp();
        if (_lastAcceptErrorLog != 0 && Stopwatch.GetElapsedTime(_lastAcceptErrorLog, now) < TimeSpan.FromSeconds(1))
        {
            return false;
        }

        _lastAcceptErrorLog = now;
        return true;
    }

    private async Task<ListenerBound> BindAsync()
    {
        var listener = await _tcp.TransportFactory.BindAsync(_bind.LocalAddress).ConfigureAwait(false);
        return new ListenerBound(listener);
    }

    private static async Task DisposeListenerAsync(IConnectionListener listener)
    {
        try
        {
            await listener.UnbindAsync().ConfigureAwait(false);
        }
        finally
        {
            await listener.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Accepts until cancelled or unbound. Runs off the actor: it only tells the listener what happened. In pull mode each accept
    /// takes one credit granted by <see cref="Tcp.ResumeAccepting"/>.
    /// </summary>
    private static async Task AcceptLoopAsync(IConnectionListener listener, IActorRef self, SemaphoreSlim? credits, TcpSettings settings, CancellationToken stop)
    {
        var backoff = settings.AcceptErrorInitialBackoff;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                if (credits is not null)
                {
                    await credits.WaitAsync(stop).ConfigureAwait(false);
                }

                var connection = await listener.AcceptAsync(stop).ConfigureAwait(false);
                if (connection is null)
                {
                    return; // unbound
                }

                if (stop.IsCancellationRequested)
                {
                    // The listener is stopping: nobody would own this connection.
                    connection.Abort(new ConnectionAbortedException("listener stopped"));
                    await connection.DisposeAsync().ConfigureAwait(false);
                    return;
                }

                backoff = settings.AcceptErrorInitialBackoff;
                self.Tell(new Accepted(connection), null);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            catch (Exception ex) when (ex is SocketException or IOException or InvalidOperationException)
            {
                self.Tell(new AcceptFailed(ex), null);
                try
                {
                    await Task.Delay(backoff, stop).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, settings.AcceptErrorMaxBackoff.Ticks));
            }
        }
    }

    private sealed record ListenerBound(IConnectionListener Listener);

    private sealed record ListenerUnbound(IActorRef Requester);

    private sealed record Accepted(ConnectionContext Connection) : IDeadLetterSuppression;

    private sealed record AcceptFailed(Exception Error) : IDeadLetterSuppression;
}
