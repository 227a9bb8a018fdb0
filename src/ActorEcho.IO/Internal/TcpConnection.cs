using System.Buffers;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using ActorEcho.Actors.Dispatch;
using ActorEcho.Actors.Scheduling;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.Extensions.Logging;

namespace ActorEcho.IO.Internal;

/// <summary>
/// INTERNAL API. One per accepted socket, a child of its listener. Announces itself with <see cref="Tcp.Connected"/>, waits for
/// <see cref="Tcp.Register"/>, then runs a read loop that tells the handler <see cref="Tcp.Received"/> directly (no hop through this
/// actor) and writes what it is told into the transport's output pipe. Ends with exactly one <see cref="Tcp.ConnectionClosed"/>.
/// </summary>
/// <remarks>
/// Writes: while a flush is pending, later writes queue here up to <c>write-queue-max-bytes</c>; beyond it a write is refused
/// with <see cref="Tcp.CommandFailed"/> and not sent (and, with <c>useResumeWriting</c>, so is every later write until
/// <see cref="Tcp.ResumeWriting"/>). An ack is sent once the write's bytes were handed to the socket (the kernel holds them): a
/// flush completes only when Kestrel's send loop has consumed the whole output pipe (see <see cref="OutputPauseThreshold"/>). A
/// write whose send failed is answered with <see cref="Tcp.CommandFailed"/>, never acked.
/// <see cref="Tcp.ConfirmedClose"/> half-closes: FIN after the last write, then reading goes on until the peer's FIN.
/// Failures are messages: the read loop and slow flushes report back to this actor; no exception escapes to the thread pool.
/// A connection actor is never restarted (its listener stops it on failure).
/// </remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "An actor releases what it owns in PostStop.")]
internal sealed class TcpConnection : ActorBase
{
    /// <summary>
    /// Kestrel's output-pipe size (its <c>MaxWriteBufferSize</c>), chosen so that a flush completes only once Kestrel's send loop
    /// consumed everything, which it does after the socket send of it completed, i.e. the bytes were handed to the socket. Kestrel
    /// pauses the writer at this many unconsumed bytes (so every non-empty flush pauses) and passes half of it, 0, as the resume
    /// threshold, which <see cref="System.IO.Pipelines.PipeOptions"/> turns into 1: the writer resumes when no byte is left
    /// (checked at start-up by <see cref="TcpExtension"/>). While a flush waits, writes queue here, bounded by
    /// <c>write-queue-max-bytes</c>, and go out together as the next batch.
    /// </summary>
    internal const int OutputPauseThreshold = 1;

    private readonly TcpExtension _tcp;
    private readonly ConnectionContext _connection;
    private readonly IActorRef _bindHandler;
    private readonly PipeWriter _output;
    private readonly ReadGate _readGate;
    private readonly Queue<PendingWrite> _queued = new();
    private readonly List<PendingWrite> _inFlight = [];
    private IActorRef? _handler;
    private bool _keepOpenOnPeerClosed;
    private bool _useResumeWriting = true;
    private bool _flushPending;
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

    /// <summary>The pending register timeout; a plain scheduled tell, not a keyed timer, so a connection keeps no timer table.</summary>
    private ICancelable? _registerTimeout;

    private TcpConnection(TcpExtension tcp, ConnectionContext connection, IActorRef bindHandler, bool pullMode)
    {
        _tcp = tcp;
        _connection = connection;
        _bindHandler = bindHandler;
        _output = connection.Transport.Output;
        _readGate = new ReadGate(pullMode);
    }

    public static Props CreateProps(TcpExtension tcp, ConnectionContext connection, IActorRef bindHandler, bool pullMode) =>
        Props.Create(() => new TcpConnection(tcp, connection, bindHandler, pullMode)).WithDispatcher(Tcp.IODispatcherId);

    private ILogger Log => _log ??= Context.GetLogger();

    /// <summary>The accepted socket under Kestrel's connection, for what its API does not offer (half-closes, reset, keep-alive).</summary>
    private Socket? Socket => _connection.Features.Get<IConnectionSocketFeature>()?.Socket;

    protected override void PreStart()
    {
        ApplySocketOptions();
        Context.Watch(_bindHandler);
        _registerTimeout = Context.System.Scheduler.ScheduleTellOnce(_tcp.Settings.RegisterTimeout, Self, RegisterTimeout.Instance, Self);
        _bindHandler.Tell(new Tcp.Connected(_connection.RemoteEndPoint ?? new IPEndPoint(IPAddress.None, 0), _connection.LocalEndPoint ?? new IPEndPoint(IPAddress.None, 0)), Self);
    }

    protected override void PostStop()
    {
        _registerTimeout?.Cancel();
        StopReadLoop();
        if (!_closedEventSent)
        {
            // Stopped from outside (listener stopped, system shutdown): the handler still hears exactly one close event.
            SendClosedEvent(new Tcp.ErrorClosed("aborted: the connection actor was stopped"), null, "shutdown");
        }

        if (!_outputCompleted)
        {
            AbortTransport(reset: false);
        }

        _ = _connection.DisposeAsync().AsTask();
    }

    protected override bool Receive(object message)
    {
        switch (message)
        {
            case Tcp.WriteCommand write:
                OnWrite(write, Sender);
                return true;
            case FlushCompleted flushed:
                OnFlushCompleted(flushed.Result, flushed.Error);
                return true;
            case Tcp.Register register:
                OnRegister(register);
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
            case TransportClosed:
                FinishClose();
                return true;
            case RegisterTimeout:
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

        _registerTimeout?.Cancel();
        _registerTimeout = null;
        _handler = register.Handler;
        _keepOpenOnPeerClosed = register.KeepOpenOnPeerClosed;
        _useResumeWriting = register.UseResumeWriting;
        if (!_handler.Equals(_bindHandler))
        {
            Context.Unwatch(_bindHandler);
            Context.Watch(_handler);
        }

        if (_closing is null)
        {
            _ = ReadLoopAsync(_connection.Transport.Input, _handler, Self, _readGate, _tcp.Settings.MaxReceivedChunk, _tcp.Metrics);
        }
    }

    private void OnRegisterTimeout()
    {
        if (_handler is not null || _closedEventSent)
        {
            return;
        }

        Log.LogDebug("No Register for {Remote} within {Timeout}; closing", _connection.RemoteEndPoint, _tcp.Settings.RegisterTimeout);
        SendClosedEvent(new Tcp.ErrorClosed($"timeout: no Register within {_tcp.Settings.RegisterTimeout}"), null, "register-timeout");
        AbortTransport(reset: true);
        Context.Stop(Self);
    }

    private void OnHandlerTerminated(IActorRef actor)
    {
        if (actor.Equals(_handler) || (_handler is null && actor.Equals(_bindHandler)))
        {
            // Death pact: a connection without a handler is reset; there is nobody left to tell.
            Log.LogDebug("Handler {Handler} of {Remote} stopped; aborting the connection", actor.Path, _connection.RemoteEndPoint);
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

        var pending = new PendingWrite(command, sender, SizeOf(command));
        if (_flushPending)
        {
            if (_queuedBytes + pending.Bytes > _tcp.Settings.WriteQueueMaxBytes)
            {
                _writingSuspended = _useResumeWriting;
                sender.Tell(command.FailureMessage(new InvalidOperationException($"The write queue is full ({_queuedBytes} bytes queued).")), Self);
                return;
            }

            _queued.Enqueue(pending);
            _queuedBytes += pending.Bytes;
            return;
        }

        _inFlight.Add(pending);
        SendInFlight();
    }

    /// <summary>Copies the in-flight writes into the output pipe and flushes them as one batch.</summary>
    private void SendInFlight()
    {
        foreach (var pending in _inFlight)
        {
            if (pending.Command is Tcp.Write write)
            {
                CopyToOutput(write.Data);
            }
            else
            {
                foreach (var part in ((Tcp.CompoundWrite)pending.Command).Writes)
                {
                    CopyToOutput(part.Data);
                }
            }
        }

        Flush();
    }

    private void CopyToOutput(ByteString data)
    {
        foreach (var segment in data.GetSegments())
        {
            _output.Write(segment.Span);
        }
    }

    private void Flush()
    {
        var flush = _output.FlushAsync();
        if (flush.IsCompletedSuccessfully)
        {
            OnFlushCompleted(flush.Result, null);
            return;
        }

        _flushPending = true;
        flush.AsTask().ContinueWith(
            static (t, s) => ((IActorRef)s!).Tell(t.IsCompletedSuccessfully ? new FlushCompleted(t.Result, null) : new FlushCompleted(default, t.Exception?.GetBaseException() ?? new OperationCanceledException()), null),
            Self,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private void OnFlushCompleted(FlushResult result, Exception? error)
    {
        _flushPending = false;
        var failed = error is not null || result.IsCompleted || result.IsCanceled;
        long bytes = 0;
        foreach (var write in _inFlight)
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

            // The transport's output is gone (reset, aborted). The read loop may never notice: it has ended at the peer's FIN, or
            // it is parked because the handler suspended reading. So this is where the connection ends.
            SendClosedEvent(new Tcp.ErrorClosed(Classify(error ?? new IOException("reset or aborted: the transport closed while a write was pending"))), _closing?.Closer, "error");
            AbortTransport(reset: false);
            Context.Stop(Self);
            return;
        }

        _tcp.Metrics.BytesSent(bytes);
        if (_queued.Count > 0)
        {
            // Everything queued meanwhile goes out as one batch: one flush, one send.
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
        while (_queued.TryDequeue(out var queued))
        {
            queued.Sender.Tell(queued.Command.FailureMessage(error ?? new IOException("The connection was closed before the write was sent.")), Self);
        }

        _queuedBytes = 0;
    }

    /// <summary>Answers every write not yet acked (in flight, then queued) with <see cref="Tcp.CommandFailed"/>.</summary>
    private void FailPending(Exception error)
    {
        foreach (var write in _inFlight)
        {
            write.Sender.Tell(write.Command.FailureMessage(error), Self);
        }

        _inFlight.Clear();
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

        if (Socket is not { } socket)
        {
            requester.Tell(Tcp.ShutdownInput.Instance.FailureMessage(new NotSupportedException("The transport exposes no socket to shut down.")), Self);
            return;
        }

        try
        {
            socket.Shutdown(SocketShutdown.Receive);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // Already reset or disposed: the read loop reports that end on its own.
            Log.LogDebug(ex, "Could not shut down the input of {Remote}", _connection.RemoteEndPoint);
        }
    }

    private void OnResumeWriting(IActorRef requester)
    {
        if (_resumeWritingRequester is not null && !_resumeWritingRequester.Equals(requester))
        {
            requester.Tell(Tcp.ResumeWriting.Instance.FailureMessage(new InvalidOperationException("Another writer is already waiting for WritingResumed.")), Self);
            return;
        }

        if (!_flushPending && _queued.Count == 0)
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
                // The expected end: Kestrel closed the socket after the last write (the output completed only once all were sent).
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

        if (_closing is not null && (_flushPending || _queued.Count > 0))
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
        if (!_flushPending && _queued.Count == 0)
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

        if (_closing?.Event is Tcp.ConfirmedClosed && !_peerClosed && _handler is not null && Socket is { } socket)
        {
            HalfClose(socket);
            return;
        }

        _outputCompleted = true;
        _output.Complete();
        if (_peerClosed || _handler is null)
        {
            // The read side is already done (or never started): nothing more will tell us it closed.
            FinishClose();
            return;
        }

        // Kestrel closes the socket once its send loop has sent everything; the read loop then ends and reports it.
        WaitForTransportClose(_connection, Self);
    }

    /// <summary>
    /// ConfirmedClose: every write was handed to the socket (flushes complete only then), so FIN now follows the last byte. Kestrel's
    /// output stays open, since completing it closes both directions; the read loop goes on and its end (the peer's FIN) finishes the
    /// close. A handler that suspended reading defers that, as in Akka.
    /// </summary>
    private void HalfClose(Socket socket)
    {
        _halfClosed = true;
        try
        {
            socket.Shutdown(SocketShutdown.Send);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            SendClosedEvent(new Tcp.ErrorClosed(Classify(ex)), _closing?.Closer, "error");
            AbortTransport(reset: false);
            Context.Stop(Self);
        }
    }

    private static void WaitForTransportClose(ConnectionContext connection, IActorRef self) =>
        connection.ConnectionClosed.Register(static s => ((IActorRef)s!).Tell(TransportClosed.Instance, null), self);

    private void FinishClose()
    {
        if (_closing is { } closing)
        {
            SendClosedEvent(closing.Event, closing.Closer, closing.Reason);
        }

        if (_halfClosed && !_outputCompleted)
        {
            // Both FINs are through: completing the output lets Kestrel close the socket gracefully (an abort would reset it).
            _outputCompleted = true;
            _output.Complete();
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
        if (reset && Socket is { } socket)
        {
            try
            {
                socket.LingerState = new LingerOption(true, 0); // close with RST, not FIN
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
            {
                // Already closed: nothing to reset.
            }
        }

        _connection.Abort(new ConnectionAbortedException(reset ? "aborted (reset)" : "aborted"));
    }

    /// <summary>
    /// Ends the read loop without a cancellation token (which would cost every connection a token source and a registration per read):
    /// its pending or next read returns cancelled, which only this actor asks for, and a loop waiting at the gate is let through to it.
    /// </summary>
    private void StopReadLoop()
    {
        _readGate.Stop();
        _connection.Transport.Input.CancelPendingRead();
    }

    private void ApplySocketOptions()
    {
        if (_tcp.Settings.KeepAlive && Socket is { } socket)
        {
            try
            {
                socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
            {
                Log.LogDebug(ex, "Could not enable keep-alive for {Remote}", _connection.RemoteEndPoint);
            }
        }
    }

    private static long SizeOf(Tcp.WriteCommand command)
    {
        if (command is Tcp.Write write)
        {
            return write.Data.Count;
        }

        long total = 0;
        foreach (var part in ((Tcp.CompoundWrite)command).Writes)
        {
            total += part.Data.Count;
        }

        return total;
    }

    /// <summary>Socket errors become one of a few classes: reset by the peer, aborted, or unexpected (with the message).</summary>
    private static string Classify(Exception error) => error switch
    {
        ConnectionResetException => "reset: " + error.Message,
        ConnectionAbortedException => "aborted: " + error.Message,
        SocketException { SocketErrorCode: SocketError.ConnectionReset } => "reset: " + error.Message,
        OperationCanceledException => "aborted: " + error.Message,
        _ => "unexpected: " + error.Message,
    };

    /// <summary>Chunks the read loop delivers before it lets its thread run other queued work (see the loop).</summary>
    private const int ChunksBetweenYields = 4;

    /// <summary>
    /// Reads until the peer's FIN, an error or <see cref="StopReadLoop"/>, telling the handler each chunk directly (the connection actor
    /// is not on this path). Each chunk is copied out of the transport's pooled buffer before it is released, so no pooled byte escapes.
    /// The loop is an inline delivery source: a handler on <see cref="Tcp.IODispatcherId"/> handles the chunk on this thread, and its
    /// writes to this connection (also on that dispatcher) are written and flushed there too, so an echo costs no thread hop.
    /// </summary>
    /// <remarks>An idle connection keeps this method's state machine alive while it waits, so it holds little: the chunk handling is
    /// in <see cref="DeliverChunk"/>, whose locals (read result, buffers) are not kept across the waits.</remarks>
    private static async Task ReadLoopAsync(PipeReader input, IActorRef handler, IActorRef self, ReadGate gate, int maxChunk, TcpMetrics metrics)
    {
        var chunksWithoutYield = 0;
        try
        {
            while (true)
            {
                await gate.WaitAsync().ConfigureAwait(false);
                var read = input.ReadAsync();
                if (!read.IsCompleted)
                {
                    chunksWithoutYield = 0; // the loop waits for data: its thread runs other work meanwhile
                }

                var step = DeliverChunk(await read.ConfigureAwait(false), input, handler, self, maxChunk, metrics);
                if (step is ReadStep.Delivered or ReadStep.DeliveredLast && ++chunksWithoutYield >= ChunksBetweenYields)
                {
                    // While data keeps arriving, ReadAsync completes synchronously and this loop never gives its thread back. Work
                    // queued on that thread's local queue (the connection actor with the handler's SuspendReading) then waits
                    // behind it, and a client that never reads could push gigabytes into memory before reading stopped.
                    chunksWithoutYield = 0;
                    await Task.Yield();
                }

                if (step is ReadStep.Ended or ReadStep.DeliveredLast)
                {
                    self.Tell(new ReadCompleted(null), null);
                    return;
                }

                if (step is ReadStep.Stopped)
                {
                    self.Tell(new ReadCompleted(new OperationCanceledException("The read loop was stopped.")), null);
                    return;
                }
            }
        }
        catch (Exception ex)
        {
            // Everything becomes a message: a connection's failure must not surface on the thread pool.
            self.Tell(new ReadCompleted(ex), null);
        }
        finally
        {
            await input.CompleteAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Tells the handler the next chunk (at most <paramref name="maxChunk"/> bytes) of <paramref name="result"/> and consumes it.</summary>
    private static ReadStep DeliverChunk(ReadResult result, PipeReader input, IActorRef handler, IActorRef self, int maxChunk, TcpMetrics metrics)
    {
        var buffer = result.Buffer;
        if (result.IsCanceled)
        {
            // Only StopReadLoop cancels a read: whatever came with it is not delivered, as a cancelled read would not have been.
            input.AdvanceTo(buffer.Start);
            return ReadStep.Stopped;
        }

        if (buffer.IsEmpty)
        {
            input.AdvanceTo(buffer.End);
            return result.IsCompleted ? ReadStep.Ended : ReadStep.Empty;
        }

        var chunk = buffer.Length > maxChunk ? buffer.Slice(0, maxChunk) : buffer;
        var received = new Tcp.Received(ByteString.CopyFrom(chunk));
        var previous = Mailbox.EnterInlineSource();
        try
        {
            handler.Tell(received, self); // a handler on io-dispatcher runs here, on this I/O thread
        }
        finally
        {
            Mailbox.ExitInlineSource(previous);
        }

        metrics.BytesReceived(chunk.Length); // counted as read, so a long-lived connection shows up before it ends
        input.AdvanceTo(chunk.End);
        return chunk.Length == buffer.Length && result.IsCompleted ? ReadStep.DeliveredLast : ReadStep.Delivered;
    }

    private readonly record struct PendingWrite(Tcp.WriteCommand Command, IActorRef Sender, long Bytes);

    private sealed record Closing(Tcp.ConnectionClosed Event, IActorRef? Closer, string Reason);

    private sealed record FlushCompleted(FlushResult Result, Exception? Error) : IDeadLetterSuppression;

    private sealed record ReadCompleted(Exception? Error) : IDeadLetterSuppression;

    /// <summary>What one <see cref="DeliverChunk"/> did: delivered a chunk (the last one, before the peer's FIN), found nothing, found the
    /// peer's FIN, or found the loop stopped.</summary>
    private enum ReadStep
    {
        Delivered,
        DeliveredLast,
        Empty,
        Ended,
        Stopped,
    }

    private sealed class TransportClosed : IDeadLetterSuppression
    {
        public static TransportClosed Instance { get; } = new();
    }

    private sealed class RegisterTimeout : IDeadLetterSuppression
    {
        public static RegisterTimeout Instance { get; } = new();
    }
}
