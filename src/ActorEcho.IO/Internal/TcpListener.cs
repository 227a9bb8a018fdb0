using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ActorEcho.Actors.Supervision;
using Microsoft.Extensions.Logging;

namespace ActorEcho.IO.Internal;

/// <summary>
/// INTERNAL API. One per <see cref="Tcp.Bind"/>: binds its listening socket, answers the binder with
/// <see cref="Tcp.Bound"/> (or <see cref="Tcp.CommandFailed"/>), and turns each accepted socket into a child <see cref="TcpConnection"/>.
/// </summary>
/// <remarks>
/// Accepting runs in <c>batch-accept-limit</c> async loops that only tell this actor what they accepted; all state changes happen
/// here. Accept errors never stop the listener: an aborted handshake is skipped, EMFILE and other errors make the loop back off
/// (retrying at once would spin while descriptors are short), and the error is logged at most once per second.
/// Connections beyond <c>max-connections</c> are accepted and closed at once, so the kernel's backlog does not fill with clients
/// that will never be served. After <see cref="Tcp.Unbind"/> the connections stay open; the
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
    private Props? _connectionProps;
    private Socket? _listener;
    private Task<ListenerBound>? _binding;
    private bool _bindCompleted;
    private IActorRef? _unbindRequester;
    private int _connections;
    private long _connectionCounter;
    private long _lastAcceptErrorLog;
    private long _refusedSinceLog;
    private bool _unbound;
    private long? _descriptorBudget;

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
        _tcp.ConnectionsOpened(-_connections); // our connection children stop with us
        _connections = 0;
        _stopAccepting.Cancel();
        _stopAccepting.Dispose();
        _acceptCredits?.Dispose();
        if (_listener is { } listener)
        {
            listener.Dispose();
        }
        else if (!_bindCompleted && _binding is { } binding)
        {
            // Stopped while binding (e.g. the bind handler died): release the port once the bind completes.
            _ = binding.ContinueWith(
                static t =>
                {
                    if (t.IsCompletedSuccessfully)
                    {
                        t.Result.Listener.Dispose();
                    }
                },
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }
    }

    protected override SupervisorStrategy SupervisorStrategy() => Actors.Supervision.SupervisorStrategy.StoppingStrategy;

    protected override bool Receive(object message) => message switch
    {
        ListenerBound bound => OnBound(bound.Listener),
        Status.Failure failure => OnBindFailed(failure.Cause),
        _ => ReceiveBound(message),
    };

    private bool OnBound(Socket listener)
    {
        _bindCompleted = true;
        _listener = listener;
        var endPoint = listener.LocalEndPoint!;
        var oneAddress = endPoint is IPEndPoint { Address: var ip } && !ip.Equals(IPAddress.Any) && !ip.Equals(IPAddress.IPv6Any);
        _connectionProps = TcpConnection.CreateProps(_tcp, _bind.Handler, _bind.PullMode, oneAddress ? endPoint : null);
        _log.LogDebug("Bound {Address} (backlog {Backlog}{Pull})", endPoint, _bind.Backlog, _bind.PullMode ? ", pull mode" : string.Empty);
        _descriptorBudget = _tcp.ConnectionDescriptorBudget();
        var max = _tcp.Settings.MaxConnections;
        if (_descriptorBudget is { } budget && (max == 0 || budget < max))
        {
            _log.LogWarning(
                "The open-file limit ({Limit}) leaves room for {Budget} connections on {Address} ({Reserve} descriptors are kept free); raise it (ulimit -n) to serve more",
                FileDescriptors.SoftLimit,
                budget,
                endPoint,
                _tcp.Settings.DescriptorReserve);
        }

        _commander.Tell(new Tcp.Bound(endPoint), Self);
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
            case AcceptedSocket accepted:
                OnAccepted(accepted);
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
                _tcp.ConnectionsOpened(-1);
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

    private void OnAccepted(AcceptedSocket accepted)
    {
        var max = _tcp.Settings.MaxConnections;
        var overBudget = _descriptorBudget is { } budget && _tcp.OpenConnections >= budget;
        if (_unbound || (max > 0 && _connections >= max) || overBudget)
        {
            _tcp.Metrics.Refused();
            _refusedSinceLog++;
            if (ShouldLogNow())
            {
                if (overBudget)
                {
                    _log.LogWarning(
                        "Refused {Count} connection(s) to {Address}: the open-file limit ({Limit}) is reached ({Reserve} descriptors are kept free)",
                        _refusedSinceLog,
                        _listener?.LocalEndPoint ?? _bind.LocalAddress,
                        FileDescriptors.SoftLimit,
                        _tcp.Settings.DescriptorReserve);
                }
                else
                {
                    _log.LogWarning("Refused {Count} connection(s) to {Address}: max-connections ({Max}) reached", _refusedSinceLog, _listener?.LocalEndPoint ?? _bind.LocalAddress, max);
                }

                _refusedSinceLog = 0;
            }

            accepted.Socket.Dispose(); // the client sees the connection closed at once
            return;
        }

        _connections++;
        _tcp.ConnectionsOpened(1);
        _tcp.Metrics.Accepted();
        var name = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"conn-{++_connectionCounter}");
        var child = Context.ActorOf(_connectionProps!, name);
        child.Tell(accepted, Self); // its first message: the socket it serves
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
        listener.Dispose(); // closes the listening socket at once: new clients are refused from here on
        Self.Tell(new ListenerUnbound(requester), Self);
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

    /// <summary>
    /// Binds and listens with the Bind's backlog. A bind error is the <see cref="SocketException"/> itself (its <see cref="SocketException.SocketErrorCode"/>
    /// says why: address in use, access denied...).
    /// </summary>
    private Task<ListenerBound> BindAsync()
    {
        var address = _bind.LocalAddress;
        var socket = new Socket(address.AddressFamily, SocketType.Stream, address is IPEndPoint ? ProtocolType.Tcp : ProtocolType.Unspecified);
        try
        {
            if (address is IPEndPoint { Address: var ip } && ip.Equals(IPAddress.IPv6Any))
            {
                socket.DualMode = true;
            }

            socket.Bind(address);
            socket.Listen(_bind.Backlog);
            return Task.FromResult(new ListenerBound(socket));
        }
        catch (Exception ex)
        {
            socket.Dispose();
            return Task.FromException<ListenerBound>(ex);
        }
    }

    /// <summary>
    /// Accepts until cancelled or unbound. Runs off the actor: it only tells the listener what happened. In pull mode each accept
    /// takes one credit granted by <see cref="Tcp.ResumeAccepting"/>.
    /// </summary>
    private static async Task AcceptLoopAsync(
        Socket listener, IActorRef self, SemaphoreSlim? credits, TcpSettings settings, CancellationToken stop)
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

                var socket = await listener.AcceptAsync(stop).ConfigureAwait(false);
                if (stop.IsCancellationRequested)
                {
                    // The listener is stopping: nobody would own this connection.
                    socket.Dispose();
                    return;
                }

                ConfigureAccepted(socket, settings);
                backoff = settings.AcceptErrorInitialBackoff;
                self.Tell(new AcceptedSocket(socket), null);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return; // unbound: the listening socket was closed
            }
            catch (SocketException ex) when (ex.SocketErrorCode is SocketError.OperationAborted or SocketError.Interrupted && stop.IsCancellationRequested)
            {
                return;
            }
            catch (SocketException ex) when (ex.SocketErrorCode is SocketError.ConnectionReset or SocketError.ConnectionAborted)
            {
                // A client gave up during the handshake (ECONNABORTED): nothing is wrong with the listener; accept the next one at once.
            }
            catch (Exception ex) when (ex is SocketException or IOException or InvalidOperationException)
            {
                // EMFILE, ENFILE, ENOBUFS...: back off so that the loop does not spin while descriptors are short.
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

    private static void ConfigureAccepted(Socket socket, TcpSettings settings)
    {
        try
        {
            socket.NoDelay = settings.NoDelay;
        }
        catch (SocketException)
        {
            // The peer already went away; the connection will report it.
        }
    }

    private sealed record ListenerBound(Socket Listener);

    private sealed record ListenerUnbound(IActorRef Requester);

    private sealed record AcceptFailed(Exception Error) : IDeadLetterSuppression;
}
