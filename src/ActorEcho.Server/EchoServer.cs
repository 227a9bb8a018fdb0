using System.Globalization;
using ActorEcho.Actors.Supervision;
using Microsoft.Extensions.Logging;

namespace ActorEcho.Server;

/// <summary>
/// The echo server: binds a TCP listener through the TCP manager, serves each accepted client with its own child connection actor
/// (<c>conn-1</c>, <c>conn-2</c>, …) and keeps listening: a failed bind or a listener that dies is re-bound with exponential back-off.
/// </summary>
/// <remarks>
/// <para>
/// Conversation: it sends <see cref="Tcp.Bind"/> (handler: itself) to the manager; on <see cref="Tcp.Bound"/> it watches the listener
/// (the sender), logs the address and publishes <see cref="EchoServerBound"/>. For each <see cref="Tcp.Connected"/> it creates the
/// connection's handler and replies <see cref="Tcp.Register"/> with <c>keepOpenOnPeerClosed</c>, so every byte received before the
/// client's FIN is echoed before the server closes. Queries and shutdown: <see cref="GetBoundAddress"/>, <see cref="Unbind"/>,
/// <see cref="Drain"/>.
/// </para>
/// <para>
/// Failures cost one connection, never the server: handlers are stopped, not restarted, when they fail, and the TCP connection,
/// which watches its handler, is reset. The server itself is never restarted into a half-bound state: if it fails, it stops, and
/// its listener (which watches it) releases the port.
/// </para>
/// </remarks>
public sealed partial class EchoServer : ActorBase, IWithTimers
{
    private const string RebindTimer = "rebind";
    private const string DrainTimer = "drain";

    /// <summary>Stops a failed connection handler (its connection is reset); the handler logged the failure with the client's address.</summary>
    private static readonly SupervisorStrategy s_connectionStrategy = new OneForOneStrategy(null, null, Decider.From(Directive.Stop), loggingEnabled: false);

    private readonly EchoServerSettings _settings;
    private readonly ILogger _log;
    private readonly Tcp.Write? _greeting;
    private readonly Props _connectionProps;
    private readonly Receive _binding;
    private readonly Receive _backingOff;
    private readonly Receive _listening;
    private readonly Receive _unbinding;
    private readonly Receive _afterUnbind;
    private readonly List<IActorRef> _boundWaiters = [];
    private readonly List<IActorRef> _unbindRequesters = [];
    private readonly List<IActorRef> _drainRequesters = [];
    private ITimerScheduler? _timers;
    private IActorRef? _tcpManager;
    private IActorRef? _listener;
    private Tcp.Bound? _bound;
    private TimeSpan _backoff;
    private long _connectionCounter;
    private int _connections;
    private bool _draining;
    private bool _unboundForGood;

    private EchoServer(EchoServerSettings settings, IActorRef? tcpManager)
    {
        _settings = settings;
        _tcpManager = tcpManager;
        _log = Context.GetLogger();
        _backoff = settings.RebindInitialBackoff;
        _greeting = settings.Greeting.Length == 0 ? null : new Tcp.Write(ByteString.FromString(settings.Greeting + "\n"));
        _connectionProps = EchoConnection.CreateSharedProps(settings, _greeting?.Data.Count ?? 0);
        _binding = Binding;
        _backingOff = BackingOff;
        _listening = Listening;
        _unbinding = Unbinding;
        _afterUnbind = AfterUnbind;
    }

    ITimerScheduler IWithTimers.Timers
    {
        get => _timers!;
        set => _timers = value;
    }

    private ITimerScheduler Timers => _timers!;

    /// <summary>Props for a server that binds through <paramref name="tcpManager"/> (the system's TCP manager, or a test probe).</summary>
    /// <exception cref="ArgumentException">The settings' water marks or back-off bounds contradict each other.</exception>
    public static Props CreateProps(EchoServerSettings settings, IActorRef tcpManager)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(tcpManager);
        settings.Validate();
        return Props.Create(() => new EchoServer(settings, tcpManager));
    }

    /// <summary>Props for a server that binds through the actor system's TCP manager (<see cref="Tcp.Manager"/>).</summary>
    /// <exception cref="ArgumentException">The settings' water marks or back-off bounds contradict each other.</exception>
    public static Props CreateProps(EchoServerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        return Props.Create(() => new EchoServer(settings, null));
    }

    /// <inheritdoc />
    protected override void PreStart()
    {
        _tcpManager ??= Tcp.Manager(Context.System);
        SendBind();
    }

    /// <inheritdoc />
    protected override void PostRestart(Exception reason)
    {
        // A new instance would bind again while the old listener (which watches this same reference) still holds the port.
        // Stopping instead lets the listener see its handler die and release the port; the parent decides what comes next.
        _log.LogError(reason, "Echo server failed and stops instead of restarting: {Reason}", reason.Message);
        Context.Stop(Self);
    }

    /// <inheritdoc />
    protected override void PostStop()
    {
        FailBoundWaiters("the echo server stopped");
        _log.LogDebug("Echo server stopped ({Connections} connection(s) still closing)", _connections);
    }

    /// <summary>A failing connection handler is stopped: a broken connection cannot be repaired by a restart.</summary>
    protected override SupervisorStrategy SupervisorStrategy() => s_connectionStrategy;

    /// <inheritdoc />
    protected override bool Receive(object message) => Binding(message);

    /// <summary>A <see cref="Tcp.Bind"/> is on its way; waiting for <see cref="Tcp.Bound"/> or <see cref="Tcp.CommandFailed"/>.</summary>
    private bool Binding(object message)
    {
        switch (message)
        {
            case Tcp.Bound bound:
                OnBound(bound, Sender);
                return true;
            case Tcp.CommandFailed { Cmd: Tcp.Bind } failed:
                if (_unbindRequesters.Count > 0)
                {
                    CompleteUnbind();
                    return true;
                }

                // The reason without the stack trace: a port in use repeats this every back-off period and is not a bug.
                _log.LogWarning("Bind to {Address} failed; retrying in {Delay}: {Reason}", _settings.LocalEndPoint, _backoff, failed.Cause?.Message ?? failed.ToString());
                ScheduleRebind();
                return true;
            case Unbind:
                // Finish the bind first: a Bound that arrives after we gave up would leave a listener nobody unbinds.
                _unbindRequesters.Add(Sender);
                return true;
            default:
                return Common(message);
        }
    }

    /// <summary>Waiting for the back-off timer before binding again.</summary>
    private bool BackingOff(object message)
    {
        switch (message)
        {
            case Rebind:
                SendBind();
                return true;
            case Unbind:
                Timers.Cancel(RebindTimer);
                _unbindRequesters.Add(Sender);
                CompleteUnbind();
                return true;
            default:
                return Common(message);
        }
    }

    /// <summary>Bound: accepting connections through <see cref="_listener"/>.</summary>
    private bool Listening(object message)
    {
        switch (message)
        {
            case Terminated terminated when terminated.ActorRef.Equals(_listener):
                _log.LogWarning("Listener on {Address} stopped unexpectedly; re-binding in {Delay}", _bound?.LocalAddress, _backoff);
                _listener = null;
                _bound = null;
                ScheduleRebind();
                return true;
            case Unbind:
                _unbindRequesters.Add(Sender);
                StartUnbind();
                return true;
            default:
                return Common(message);
        }
    }

    /// <summary>A <see cref="Tcp.Unbind"/> is on its way to the listener; waiting for <see cref="Tcp.Unbound"/>.</summary>
    private bool Unbinding(object message)
    {
        switch (message)
        {
            case Tcp.Unbound:
                CompleteUnbind();
                return true;
            case Terminated terminated when terminated.ActorRef.Equals(_listener):
                // The listener died before answering: the port is released all the same.
                CompleteUnbind();
                return true;
            case Unbind:
                _unbindRequesters.Add(Sender);
                return true;
            default:
                return Common(message);
        }
    }

    /// <summary>Unbound on request: serving the remaining connections, never binding again.</summary>
    private bool AfterUnbind(object message)
    {
        switch (message)
        {
            case Unbind:
                Sender.Tell(Unbound.Instance, Self);
                return true;
            case Tcp.Bound or Tcp.Unbound or Tcp.CommandFailed or Rebind:
                return true;
            default:
                return Common(message);
        }
    }

    /// <summary>What every state handles: connections, their termination, address queries and draining.</summary>
    private bool Common(object message)
    {
        switch (message)
        {
            case Tcp.Connected connected:
                OnConnected(connected, Sender);
                return true;
            case Terminated terminated:
                OnConnectionStopped(terminated.ActorRef);
                return true;
            case GetBoundAddress:
                OnGetBoundAddress(Sender);
                return true;
            case Drain drain:
                OnDrain(drain, Sender);
                return true;
            case DrainTimedOut:
                OnDrainTimedOut();
                return true;
            case Tcp.ConnectionClosed:
                // A connection that ended before its Register took effect (e.g. reset while the greeting went out) reports to its
                // bind handler; its EchoConnection stops on the connection's Terminated, which does the accounting.
                return true;
            default:
                return false;
        }
    }

    private void SendBind()
    {
        _tcpManager!.Tell(new Tcp.Bind(Self, _settings.LocalEndPoint, _settings.Backlog), Self);
        Context.Become(_binding);
    }

    private void ScheduleRebind()
    {
        Timers.StartSingleTimer(RebindTimer, Rebind.Instance, _backoff);
        var doubled = _backoff + _backoff;
        _backoff = doubled < _settings.RebindMaxBackoff ? doubled : _settings.RebindMaxBackoff;
        Context.Become(_backingOff);
    }

    private void OnBound(Tcp.Bound bound, IActorRef listener)
    {
        _listener = listener;
        _bound = bound;
        _backoff = _settings.RebindInitialBackoff;
        Context.Watch(listener);
        _log.LogInformation("Echo server listening on {Address}", bound.LocalAddress);
        Context.System.EventStream.Publish(new EchoServerBound(bound.LocalAddress));
        foreach (var waiter in _boundWaiters)
        {
            waiter.Tell(bound, Self);
        }

        _boundWaiters.Clear();
        if (_unbindRequesters.Count > 0)
        {
            StartUnbind();
            return;
        }

        Context.Become(_listening);
    }

    private void StartUnbind()
    {
        _log.LogInformation("Echo server unbinding {Address}", _bound?.LocalAddress);
        _listener!.Tell(Tcp.Unbind.Instance, Self);
        Context.Become(_unbinding);
    }

    private void CompleteUnbind()
    {
        if (_listener is { } listener)
        {
            // After Unbind the listener lives on until its last connection closes; that is no reason to re-bind.
            Context.Unwatch(listener);
        }

        _listener = null;
        _bound = null;
        foreach (var requester in _unbindRequesters)
        {
            requester.Tell(Unbound.Instance, Self);
        }

        _unbindRequesters.Clear();
        _unboundForGood = true;
        FailBoundWaiters("the echo server was unbound");
        _log.LogInformation("Echo server unbound ({Connections} connection(s) open)", _connections);
        Context.Become(_afterUnbind);
    }

    private void OnGetBoundAddress(IActorRef requester)
    {
        if (_bound is { } bound)
        {
            requester.Tell(bound, Self);
        }
        else if (_unboundForGood)
        {
            requester.Tell(new Status.Failure(new InvalidOperationException("The echo server was unbound and no longer listens.")), Self);
        }
        else
        {
            _boundWaiters.Add(requester);
        }
    }

    private void FailBoundWaiters(string reason)
    {
        foreach (var waiter in _boundWaiters)
        {
            waiter.Tell(new Status.Failure(new InvalidOperationException($"No bound address: {reason}.")), Self);
        }

        _boundWaiters.Clear();
    }

    private void OnConnected(Tcp.Connected connected, IActorRef connection)
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"conn-{++_connectionCounter}");
        var handler = Context.ActorOf(_connectionProps, name);
        handler.Tell(connected, connection); // its first message: whom it serves
        Context.Watch(handler);
        _connections++;
        if (_greeting is { } greeting)
        {
            // Written before the Register, which starts the read loop: an echo of a client that talks at once can otherwise be
            // written first (on the io-dispatcher the Register may run the connection, and its first read, on this thread). On the
            // handler's behalf (it is the sender) so that an ack or NACK reaches the actor that accounts for these bytes.
            connection.Tell(greeting, handler);
        }

        connection.Tell(new Tcp.Register(handler, keepOpenOnPeerClosed: true), Self);

        if (_draining)
        {
            handler.Tell(EchoConnection.Drain.Instance, Self);
        }

        if (_log.IsEnabled(LogLevel.Debug))
        {
            _log.LogDebug("Accepted {Remote} as {Connection}", connected.RemoteAddress, name); // guarded: the arguments are an array per call
        }
    }

    private void OnConnectionStopped(IActorRef handler)
    {
        _connections--;
        if (_log.IsEnabled(LogLevel.Debug))
        {
            _log.LogDebug("Connection handler {Connection} stopped ({Connections} open)", handler.Path.Name, _connections);
        }
        if (_drainRequesters.Count > 0 && _connections == 0)
        {
            Timers.Cancel(DrainTimer);
            CompleteDrain(0);
        }
    }

    private void OnDrain(Drain drain, IActorRef requester)
    {
        _draining = true;
        _drainRequesters.Add(requester);
        if (_connections == 0)
        {
            CompleteDrain(0);
            return;
        }

        if (_drainRequesters.Count > 1)
        {
            return; // a drain is already under way; this requester is answered with it
        }

        var timeout = drain.Timeout ?? _settings.DrainTimeout;
        _log.LogInformation("Draining {Connections} connection(s) (timeout {Timeout})", _connections, timeout);
        foreach (var child in Context.Children)
        {
            child.Tell(EchoConnection.Drain.Instance, Self);
        }

        Timers.StartSingleTimer(DrainTimer, DrainTimedOut.Instance, timeout);
    }

    private void OnDrainTimedOut()
    {
        if (_drainRequesters.Count == 0)
        {
            return;
        }

        var remaining = 0;
        foreach (var child in Context.Children)
        {
            child.Tell(EchoConnection.AbortNow.Instance, Self);
            remaining++;
        }

        _log.LogWarning("Drain timed out; resetting {Connections} connection(s) that were still open", remaining);
        CompleteDrain(remaining);
    }

    private void CompleteDrain(int aborted)
    {
        var drained = new Drained(aborted);
        foreach (var requester in _drainRequesters)
        {
            requester.Tell(drained, Self);
        }

        _drainRequesters.Clear();
    }
}
