using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace ActorEcho.IO.Internal;

/// <summary>
/// INTERNAL API. One per accepted socket, a child of its listener. Announces itself with <see cref="Tcp.Connected"/>, waits for
/// <see cref="Tcp.Register"/>, then runs a read loop (<see cref="SocketReader"/>) that tells the handler <see cref="Tcp.Received"/>
/// directly (no hop through this actor) and sends what it is told to the socket. Ends with exactly one <see cref="Tcp.ConnectionClosed"/>.
/// </summary>
/// <remarks>
/// Writes: while a send is pending, later writes queue here up to <c>write-queue-max-bytes</c>; beyond it a write is refused
/// with <see cref="Tcp.CommandFailed"/> and not sent (and, with <c>useResumeWriting</c>, so is every later write until
/// <see cref="Tcp.ResumeWriting"/>). An ack is sent once the write's bytes were handed to the socket (the kernel took them); queued
/// writes go out together as the next batch (<see cref="SocketSender"/>). A write whose send failed is answered with
/// <see cref="Tcp.CommandFailed"/>, never acked. <see cref="Tcp.ConfirmedClose"/> half-closes: FIN after the last write, then reading
/// goes on until the peer's FIN. Failures are messages: the read loop and slow sends report back to this actor; no exception escapes
/// to the thread pool. A connection actor is never restarted (its listener stops it on failure).
/// </remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "An actor releases what it owns in PostStop.")]
internal sealed class TcpConnection : ActorBase, RegisterTimeouts.IRegistration
{
    private readonly TcpExtension _tcp;
    /// <summary>Set by the first message, <see cref="AcceptedSocket"/>; the props are shared by every connection of a listener.</summary>
    private Socket _socket = null!;
    private readonly IActorRef _bindHandler;
    private readonly ReadGate _readGate;
    private readonly EndPoint? _listenerAddress;
    /// <summary>Writes that arrived while a send was pending; created by the first (an idle connection holds no collections).</summary>
    private Queue<PendingWrite>? _queued;

    /// <summary>The batch being sent; created by the first write.</summary>
    private List<PendingWrite>? _inFlight;
    private IActorRef? _handler;
    private bool _keepOpenOnPeerClosed;
    private bool _useResumeWriting = true;
    private bool _sendPending;
    private long _queuedBytes;
    private bool _writingSuspended;
    private IActorRef? _resumeWritingRequester;
    private Closing? _closing;
    private bool _peerClosed;
    private bool _closedEventSent;
    private bool _outputCompleted;

    /// <summary>ConfirmedClose sent our FIN (<c>Shutdown(Send)</c>); the read loop runs on until the peer's FIN.</summary>
    private bool _halfClosed;

    /// <summary>Created on first use: most connections never log.</summary>
    private ILogger? _log;

    /// <summary>Until <see cref="Tcp.Register"/> (or the end); read by the extension's <see cref="RegisterTimeouts"/> from its timer thread.</summary>
    private volatile bool _awaitsRegister;

    private TcpConnection(TcpExtension tcp, IActorRef bindHandler, bool pullMode, EndPoint? listenerAddress)
    {
        _tcp = tcp;
        _bindHandler = bindHandler;
        _readGate = new ReadGate(pullMode);
        _listenerAddress = listenerAddress;
    }

    /// <summary>
    /// Props for every connection of one listener; each is started by an <see cref="AcceptedSocket"/>. One shared recipe instead of a
    /// recipe and a closure per connection saves an idle connection about 240 bytes.
    /// </summary>
    /// <param name="tcp">The extension.</param>
    /// <param name="bindHandler">Who hears <see cref="Tcp.Connected"/>.</param>
    /// <param name="pullMode">Read only on <see cref="Tcp.ResumeReading"/>.</param>
    /// <param name="listenerAddress">
    /// The listener's address when it is bound to one IP address: then it is every connection's local address too, which spares each
    /// connection a <c>getsockname</c> call and its endpoint objects. Null for a wildcard bind (the local address differs per interface).
    /// </param>
    public static Props CreateProps(TcpExtension tcp, IActorRef bindHandler, bool pullMode, EndPoint? listenerAddress) =>
        Props.Create(() => new TcpConnection(tcp, bindHandler, pullMode, listenerAddress)).WithDispatcher(Tcp.IODispatcherId);

    private ILogger Log => _log ??= Context.GetLogger();

    /// <summary>The peer's address for log lines; null once the socket is closed.</summary>
    private EndPoint? Remote
    {
        get
        {
            try
            {
                return _socket.RemoteEndPoint;
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
            {
                return null;
            }
        }
    }

    private void Start(Socket socket)
    {
        _socket = socket;
        ApplySocketOptions();

        // Not watching the bind handler: if it dies, the listener stops, and with it this connection (PostStop closes it).
        _awaitsRegister = true;
        _tcp.RegisterTimeouts.Add(Self, this);
        _bindHandler.Tell(new Tcp.Connected(Remote ?? new IPEndPoint(IPAddress.None, 0), _listenerAddress ?? LocalEndPoint() ?? new IPEndPoint(IPAddress.None, 0)), Self);
    }

    protected override void PostStop()
    {
        if (_socket is null)
        {
            // Stopped with its listener before its socket arrived: the socket is in the dropped message, and its handle's finalizer
            // closes it; nobody heard of this connection, so nobody is owed a close event.
            return;
        }

        _awaitsRegister = false;
        StopReadLoop();

        // Register timeout, handler death, system shutdown: a write still waiting is answered, never left hanging.
        FailPending(new IOException("The connection was closed before the write was sent."));
        if (!_closedEventSent)
        {
            // Stopped from outside (listener stopped, system shutdown): the handler still hears exactly one close event.
            SendClosedEvent(new Tcp.ErrorClosed("aborted: the connection actor was stopped"), null, "shutdown");
        }

        if (!_outputCompleted)
        {
            AbortTransport(reset: false);
        }

        _socket.Dispose();
    }

    bool RegisterTimeouts.IRegistration.AwaitsRegister => _awaitsRegister;

    protected override bool Receive(object message)
    {
        switch (message)
        {
            case Tcp.WriteCommand write:
                OnWrite(write, Sender);
                return true;
            case SendCompleted sent:
                OnSendCompleted(sent.Error);
                return true;
            case Tcp.Register register:
                OnRegister(register);
                return true;
            case AcceptedSocket accepted when _socket is null:
                Start(accepted.Socket);
                return true;
            case Tcp.SuspendReading:
                if (_readGate.Suspend())
                {
                    _tcp.Metrics.ReadsSuspended();
                }

                return true;
            case Tcp.ResumeReading:
                _readGate.Grant();
                return true;
            case Tcp.ResumeWriting:
                OnResumeWriting(Sender);
                return true;
            case Tcp.ShutdownInput:
                OnShutdownInput(Sender);
                return true;
            case Tcp.Abort:
                CloseNow(Tcp.Aborted.Instance, Sender, "abort", reset: true);
                return true;
            case Tcp.CloseCommand close:
                BeginClose(close.Event, Sender, close is Tcp.ConfirmedClose ? "confirmed-close" : "close");
                return true;
            case ReadCompleted completed:
                OnReadCompleted(completed);
                return true;
            case RegisterTimedOut:
                OnRegisterTimeout();
                return true;
            case Terminated terminated:
                OnHandlerTerminated(terminated.ActorRef);
                return true;
            case Tcp.Command command:
                Sender.Tell(command.FailureMessage(new NotSupportedException($"{command.GetType().Name} is not a connection command.")), Self);
                return true;
            default:
                return false;
        }
    }

    private void OnRegister(Tcp.Register register)
    {
        if (_handler is not null)
        {
            Sender.Tell(register.FailureMessage(new InvalidOperationException("The connection is already registered.")), Self);
            return;
        }

        _awaitsRegister = false;
        _handler = register.Handler;
        _keepOpenOnPeerClosed = register.KeepOpenOnPeerClosed;
        _useResumeWriting = register.UseResumeWriting;
        Context.Watch(_handler);

        if (_closing is null)
        {
            _ = SocketReader.RunAsync(_socket, _handler, Self, _readGate, _tcp.Settings, _tcp.Metrics);
        }
    }

    private void OnRegisterTimeout()
    {
        if (_handler is not null || _closedEventSent)
        {
            return;
        }

        Log.LogDebug("No Register for {Remote} within {Timeout}; closing", Remote, _tcp.Settings.RegisterTimeout);
        SendClosedEvent(new Tcp.ErrorClosed($"timeout: no Register within {_tcp.Settings.RegisterTimeout}"), null, "register-timeout");
        AbortTransport(reset: true);
        Context.Stop(Self);
    }

    private void OnHandlerTerminated(IActorRef actor)
    {
        if (actor.Equals(_handler))
        {
            // Death pact: a connection without a handler is reset; there is nobody left to tell.
            Log.LogDebug("Handler {Handler} of {Remote} stopped; aborting the connection", actor.Path, Remote);
            _closedEventSent = true;
            _tcp.Metrics.Closed("handler-stopped");
            AbortTransport(reset: true);
            Context.Stop(Self);
        }
    }

    private void OnWrite(Tcp.WriteCommand command, IActorRef sender)
    {
        if (_closing is not null || _outputCompleted)
        {
            sender.Tell(command.FailureMessage(new InvalidOperationException("The connection is closing.")), Self);
            return;
        }

        if (_writingSuspended)
        {
            sender.Tell(command.FailureMessage(new InvalidOperationException("Writing is suspended after a refused write; send ResumeWriting.")), Self);
            return;
        }

        var pending = new PendingWrite(command, sender, PendingWrite.SizeOf(command));
        if (_sendPending)
        {
            if (_queuedBytes + pending.Bytes > _tcp.Settings.WriteQueueMaxBytes)
            {
                _writingSuspended = _useResumeWriting;
                sender.Tell(command.FailureMessage(new InvalidOperationException($"The write queue is full ({_queuedBytes} bytes queued).")), Self);
                return;
            }

            (_queued ??= new()).Enqueue(pending);
            _queuedBytes += pending.Bytes;
            return;
        }

        (_inFlight ??= []).Add(pending);
        SendInFlight();
    }

    /// <summary>Sends the in-flight writes as one batch; a send the kernel takes at once (the usual case) completes right here.</summary>
    private void SendInFlight()
    {
        var send = SocketSender.SendAsync(_socket, _inFlight!);
        if (send.IsCompleted)
        {
            OnSendCompleted(send.Result);
            return;
        }

        _sendPending = true;
        _ = ReportWhenSentAsync(send, Self);
    }

    private static async Task ReportWhenSentAsync(ValueTask<Exception?> send, IActorRef self) =>
        self.Tell(new SendCompleted(await send.ConfigureAwait(false)), null);

    private void OnSendCompleted(Exception? error)
    {
        _sendPending = false;
        var failed = error is not null;
        long bytes = 0;
        foreach (var write in _inFlight!)
        {
            bytes += write.Bytes;
            if (failed)
            {
                write.Sender.Tell(write.Command.FailureMessage(error ?? new IOException("The connection was closed before the write was sent.")), Self);
            }
            else
            {
                Ack(write);
            }
        }

        _inFlight.Clear();
        if (failed)
        {
            FailQueued(error);

            // The socket's output is gone (reset, aborted). The read loop may never notice: it has ended at the peer's FIN, or
            // it is parked because the handler suspended reading. So this is where the connection ends.
            SendClosedEvent(new Tcp.ErrorClosed(Classify(error!)), _closing?.Closer, "error");
            AbortTransport(reset: false);
            Context.Stop(Self);
            return;
        }

        _tcp.Metrics.BytesSent(bytes);
        if (_queued is { Count: > 0 })
        {
            // Everything queued meanwhile goes out as one batch: one send.
            _inFlight.AddRange(_queued);
            _queued.Clear();
            _queuedBytes = 0;
            SendInFlight();
            return;
        }

        OnWritesDrained();
    }

    private void Ack(in PendingWrite pending)
    {
        if (pending.Command is Tcp.Write write)
        {
            if (write.WantsAck)
            {
                pending.Sender.Tell(write.Ack, Self);
            }

            return;
        }

        foreach (var part in ((Tcp.CompoundWrite)pending.Command).Writes)
        {
            if (part.WantsAck)
            {
                pending.Sender.Tell(part.Ack, Self);
            }
        }
    }

    private void FailQueued(Exception? error)
    {
        while (_queued is not null && _queued.TryDequeue(out var queued))
        {
            queued.Sender.Tell(queued.Command.FailureMessage(error ?? new IOException("The connection was closed before the write was sent.")), Self);
        }

        _queuedBytes = 0;
    }

    /// <summary>Answers every write not yet acked (in flight, then queued) with <see cref="Tcp.CommandFailed"/>.</summary>
    private void FailPending(Exception error)
    {
        if (_inFlight is null)
        {
            FailQueued(error);
            return;
        }

        foreach (var write in _inFlight)
        {
            write.Sender.Tell(write.Command.FailureMessage(error), Self);
        }

        // A send still pending reads this list: leave it alone and start a new one (the connection is ending anyway).
        _inFlight = _sendPending ? null : _inFlight;
        _inFlight?.Clear();
        FailQueued(error);
    }

    private void OnWritesDrained()
    {
        if (_resumeWritingRequester is { } requester)
        {
            _resumeWritingRequester = null;
            _writingSuspended = false;
            requester.Tell(Tcp.WritingResumed.Instance, Self);
        }

        if (_closing is not null)
        {
            CompleteOutput();
        }
    }

    /// <summary>SHUT_RD: the kernel still hands over what it queued, then the read loop sees the end of input and reports it as the peer's FIN.</summary>
    private void OnShutdownInput(IActorRef requester)
    {
        // After a ConfirmedClose sent our FIN (half-closed) it is still useful: it ends the wait for the peer's FIN.
        if (_peerClosed || (_closing is not null && !_halfClosed) || _closedEventSent)
        {
            return; // the input has ended or is about to; the close event follows as usual
        }

        try
        {
            _socket.Shutdown(SocketShutdown.Receive);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // Already reset or disposed: the read loop reports that end on its own.
            Log.LogDebug(ex, "Could not shut down the input of {Remote}", Remote);
        }
    }

    private void OnResumeWriting(IActorRef requester)
    {
        if (_resumeWritingRequester is not null && !_resumeWritingRequester.Equals(requester))
        {
            requester.Tell(Tcp.ResumeWriting.Instance.FailureMessage(new InvalidOperationException("Another writer is already waiting for WritingResumed.")), Self);
            return;
        }

        if (!_sendPending && _queued is not { Count: > 0 })
        {
            _writingSuspended = false;
            requester.Tell(Tcp.WritingResumed.Instance, Self);
            return;
        }

        _resumeWritingRequester = requester;
    }

    private void OnReadCompleted(ReadCompleted completed)
    {
        if (completed.Error is { } error)
        {
            if (_closing is not null && _outputCompleted)
            {
                // The expected end: the socket was closed after the last write.
                FinishClose();
                return;
            }

            // Reset while open, while a close waited for its writes to go out, or while a ConfirmedClose waited for the peer's FIN:
            // writes still pending will never be sent.
            FailPending(new IOException("The connection failed before the write was sent.", error));
            SendClosedEvent(new Tcp.ErrorClosed(Classify(error)), _closing?.Closer, "error");
            AbortTransport(reset: false);
            Context.Stop(Self);
            return;
        }

        if (_closing is not null && (_sendPending || _queued is { Count: > 0 }))
        {
            // The peer's FIN came while closing with writes still going out: finish them, then close (see CompleteOutput).
            _peerClosed = true;
            return;
        }

        if (_closing is not null)
        {
            FinishClose();
            return;
        }

        // The peer sent FIN.
        _peerClosed = true;
        if (_keepOpenOnPeerClosed)
        {
            _handler?.Tell(Tcp.PeerClosed.Instance, Self);
            return;
        }

        BeginClose(Tcp.PeerClosed.Instance, null, "peer");
    }

    /// <summary>Graceful close: wait for queued writes, complete the output (FIN after the last byte), then report once the transport closed.</summary>
    private void BeginClose(Tcp.ConnectionClosed closedEvent, IActorRef? closer, string reason)
    {
        if (_closing is not null || _closedEventSent)
        {
            if (closer is not null && !closer.Equals(_handler))
            {
                closer.Tell(closedEvent, Self);
            }

            return;
        }

        _closing = new Closing(closedEvent, closer, reason);
        if (!_sendPending && _queued is not { Count: > 0 })
        {
            CompleteOutput();
        }
    }

    private void CompleteOutput()
    {
        if (_outputCompleted || _halfClosed)
        {
            return;
        }

        if (_closing?.Event is Tcp.ConfirmedClosed && !_peerClosed && _handler is not null)
        {
            HalfClose();
            return;
        }

        // Every write was handed to the kernel, which sends it before the FIN that closing the socket queues behind it.
        _outputCompleted = true;
        StopReadLoop();
        try
        {
            _socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // The peer already reset it: closing is all that is left to do.
        }

        _socket.Dispose();
        FinishClose();
    }

    /// <summary>
    /// ConfirmedClose: every write was handed to the socket (acks come only then), so FIN now follows the last byte. The read loop goes
    /// on and its end (the peer's FIN) finishes the close. A handler that suspended reading defers that, as in Akka.
    /// </summary>
    private void HalfClose()
    {
        _halfClosed = true;
        try
        {
            _socket.Shutdown(SocketShutdown.Send);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            SendClosedEvent(new Tcp.ErrorClosed(Classify(ex)), _closing?.Closer, "error");
            AbortTransport(reset: false);
            Context.Stop(Self);
        }
    }

    private void FinishClose()
    {
        if (_closing is { } closing)
        {
            SendClosedEvent(closing.Event, closing.Closer, closing.Reason);
        }

        if (!_outputCompleted)
        {
            // Both FINs are through (ConfirmedClose) or the read side ended first: a plain close is graceful now.
            _outputCompleted = true;
            StopReadLoop();
            _socket.Dispose();
        }

        Context.Stop(Self);
    }

    private void CloseNow(Tcp.ConnectionClosed closedEvent, IActorRef closer, string reason, bool reset)
    {
        FailPending(new IOException("The connection was aborted."));
        SendClosedEvent(closedEvent, closer, reason);
        AbortTransport(reset);
        Context.Stop(Self);
    }

    private void SendClosedEvent(Tcp.ConnectionClosed closedEvent, IActorRef? closer, string reason)
    {
        if (_closedEventSent)
        {
            return;
        }

        _closedEventSent = true;

        // The read loop checks the gate before each delivery: stopping it first keeps a Received from following the close event
        // (except for a chunk whose delivery had already begun on the loop's thread).
        StopReadLoop();
        _tcp.Metrics.Closed(reason);
        var handler = _handler ?? _bindHandler;
        handler.Tell(closedEvent, Self);
        if (closer is not null && !closer.Equals(handler) && !closer.Equals(Context.System.DeadLetters))
        {
            closer.Tell(closedEvent, Self);
        }
    }

    private void AbortTransport(bool reset)
    {
        _outputCompleted = true;
        StopReadLoop();
        if (reset)
        {
            try
            {
                _socket.LingerState = new LingerOption(true, 0); // close with RST, not FIN
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
            {
                // Already closed: nothing to reset.
            }
        }

        _socket.Dispose();
    }

    /// <summary>
    /// Ends the read loop without a cancellation token (which would cost every connection a token source and a registration per read):
    /// the loop checks the gate after every wait and receive, and closing the socket completes a receive in progress.
    /// </summary>
    private void StopReadLoop() => _readGate.Stop();

    private EndPoint? LocalEndPoint()
    {
        try
        {
            return _socket.LocalEndPoint;
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            return null;
        }
    }

    private void ApplySocketOptions()
    {
        if (_tcp.Settings.KeepAlive)
        {
            try
            {
                _socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
            {
                Log.LogDebug(ex, "Could not enable keep-alive for {Remote}", Remote);
            }
        }
    }

    /// <summary>Socket errors become one of a few classes: reset by the peer, aborted, or unexpected (with the message).</summary>
    private static string Classify(Exception error) => error switch
    {
        SocketException { SocketErrorCode: SocketError.ConnectionReset or SocketError.Shutdown } => "reset: " + error.Message, // Shutdown = EPIPE
        SocketException { SocketErrorCode: SocketError.ConnectionAborted or SocketError.OperationAborted } => "aborted: " + error.Message,
        ObjectDisposedException or OperationCanceledException => "aborted: " + error.Message,
        IOException { InnerException: { } inner } => Classify(inner),
        _ => "unexpected: " + error.Message,
    };

    private sealed record Closing(Tcp.ConnectionClosed Event, IActorRef? Closer, string Reason);

    private sealed record SendCompleted(Exception? Error) : IDeadLetterSuppression;
}
