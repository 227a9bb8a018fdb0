using System.Diagnostics;
using System.Net;
using ActorEcho.Server.Internal;
using Microsoft.Extensions.Logging;

namespace ActorEcho.Server;

/// <summary>
/// Serves one client: writes every <see cref="Tcp.Received"/> back with <see cref="Tcp.Write"/>, under ack-based flow control, and
/// closes gracefully once the client has sent FIN and every echo is written. Created by <see cref="EchoServer"/>, one per connection.
/// </summary>
/// <remarks>
/// <para>
/// Flow control: "outstanding" bytes are echoes handed to the connection but not yet acked, plus echoes waiting to be resent after
/// a refusal. Acks are cumulative, so only some writes ask for one: when <c>ack-every</c> bytes were written since the last ask,
/// when outstanding bytes exceed <c>high-water-mark</c>, while reading is suspended, and while finishing. Above the high-water
/// mark reading is suspended; at or below <c>low-water-mark</c> it resumes. A client that writes but never reads therefore costs
/// the server at most about <c>high-water-mark</c> (unacked echoes) + one chunk of at most the transport's <c>receive-buffer-size</c>
/// (what the read loop holds): on the io-dispatcher the SuspendReading reaches the connection before its next read. Measured with the defaults: 1.3 MiB held per stalled client (tests/ActorEcho.Server.Tests/Integration).
/// </para>
/// <para>
/// Refused writes (NACK, <see cref="Tcp.CommandFailed"/>): the connection refuses every later write until <see cref="Tcp.ResumeWriting"/>
/// is answered with <see cref="Tcp.WritingResumed"/>; the refused echoes (and data received meanwhile) are kept in order and
/// resent then, so nothing is lost or duplicated.
/// </para>
/// <para>
/// States: <see cref="Echoing"/> → (client FIN, or <see cref="Drain"/>) <see cref="Finishing"/> → (all echoes acked; after a drain
/// also quiet for <c>drain-quiet-period</c>, then <see cref="Tcp.ShutdownInput"/> and the input's end)
/// <see cref="Tcp.Close"/> → <see cref="Closing"/> → stop on the <see cref="Tcp.ConnectionClosed"/> event. It also stops when the
/// connection actor dies (it is watched). The server stops this actor if it fails, and the connection, which watches it, is reset.
/// </para>
/// <para>
/// Observability: when it stops, it counts the close on <c>actorecho.server.connections_closed</c> and logs one Debug line (remote
/// address, duration, bytes in and out, reason), both with the same <see cref="CloseReason"/>.
/// </para>
/// </remarks>
internal sealed partial class EchoConnection : ActorBase
{
    /// <summary>The TCP connection actor; with the server's shared props it is the sender of the first message, <see cref="Tcp.Connected"/>.</summary>
    private IActorRef _connection;
    private EndPoint? _remote;

    /// <summary>The server's settings, shared by all its connections (not copied: an idle connection should cost little).</summary>
    private readonly EchoServerSettings _settings;
    private readonly EchoServerMetrics _metrics;
    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly AckMarks _ackMarks = new();

    /// <summary>Created on first use, as are <see cref="_refused"/> and the finishing and closing behaviours: most connections never need them.</summary>
    private ILogger? _log;

    /// <summary>Refused echoes waiting for <see cref="Tcp.WritingResumed"/>; null until a write is refused.</summary>
    private Queue<ByteString>? _refused;
    private long _written;
    private long _acked;
    private long _refusedBytes;
    private long _bytesIn;
    private bool _isFinishing;
    private DrainStep _drainStep;
    private bool _readingSuspended;
    private bool _writingSuspended;
    private string? _reason;
    private string? _reasonDetail;

    private EchoConnection(IActorRef? connection, EndPoint? remote, EchoServerSettings settings, int greetingBytes)
    {
        _connection = connection ?? ActorRefs.Nobody;
        _remote = remote;
        _settings = settings;
        _metrics = EchoServerMetrics.Get(Context.System);

        // The server writes the greeting on this actor's behalf just before Register (to keep it first); count it as written.
        _written = greetingBytes;
    }

    /// <summary>Props for the handler of <paramref name="connection"/> (the sender of <see cref="Tcp.Connected"/>).</summary>
    /// <param name="connection">The TCP connection actor.</param>
    /// <param name="remote">The client's address, for logs.</param>
    /// <param name="settings">Flow control, limits and idle timeout.</param>
    /// <param name="greetingBytes">Bytes of greeting the server already wrote on this actor's behalf (0 for none).</param>
    public static Props CreateProps(IActorRef connection, EndPoint remote, EchoServerSettings settings, int greetingBytes) =>
        Props.Create(() => new EchoConnection(connection, remote, settings, greetingBytes)).WithDispatcher(Tcp.IODispatcherId);

    /// <summary>
    /// Props shared by every connection of one server: each handler learns its connection from its first message, the connection's
    /// <see cref="Tcp.Connected"/> forwarded by the server (so the connection is its sender). One recipe instead of a recipe and a
    /// closure per connection saves an idle connection about 240 bytes.
    /// </summary>
    internal static Props CreateSharedProps(EchoServerSettings settings, int greetingBytes) =>
        Props.Create(() => new EchoConnection(null, null, settings, greetingBytes)).WithDispatcher(Tcp.IODispatcherId);

    private long Outstanding => _written - _acked + _refusedBytes;

    private ILogger Log => _log ??= Context.GetLogger();

    /// <summary>Every echo written so far is acked and none waits to be resent.</summary>
    private bool IsCaughtUp => _written == _acked && _refusedBytes == 0;

    /// <inheritdoc />
    protected override void PreStart()
    {
        if (!_connection.IsNobody())
        {
            Attach();
        }
    }

    private void Attach()
    {
        Context.Watch(_connection);
        if (_settings.IdleTimeout is { } idle)
        {
            Context.SetReceiveTimeout(idle);
        }
    }

    /// <inheritdoc />
    protected override void PostStop()
    {
        // No reason of its own: stopped from outside, by its server or the actor system stopping.
        var reason = _reason ?? CloseReason.Shutdown;
        _metrics.Closed(reason);
        if (!Log.IsEnabled(LogLevel.Debug))
        {
            return;
        }

        var duration = Stopwatch.GetElapsedTime(_started);
        if (_reasonDetail is null)
        {
            Log.LogDebug("Connection {Remote} ended after {Duration}: {BytesIn} bytes in, {BytesOut} bytes out, reason: {Reason}", _remote, duration, _bytesIn, _written, reason);
        }
        else
        {
            Log.LogDebug("Connection {Remote} ended after {Duration}: {BytesIn} bytes in, {BytesOut} bytes out, reason: {Reason} ({Detail})", _remote, duration, _bytesIn, _written, reason, _reasonDetail);
        }
    }

    /// <inheritdoc />
    protected override bool Receive(object message)
    {
        if (message is Tcp.Connected connected && _connection.IsNobody())
        {
            _connection = Sender;
            _remote = connected.RemoteAddress;
            Attach();
            return true;
        }

        try
        {
            return Echoing(message);
        }
        catch (Exception ex) when (LogFailure(ex, message))
        {
            throw; // not reached: the filter only logs
        }
    }

    private bool GuardedFinishing(object message)
    {
        try
        {
            return Finishing(message);
        }
        catch (Exception ex) when (LogFailure(ex, message))
        {
            throw;
        }
    }

    private bool GuardedClosing(object message)
    {
        try
        {
            return Closing(message);
        }
        catch (Exception ex) when (LogFailure(ex, message))
        {
            throw;
        }
    }

    /// <summary>
    /// Logs a handler failure once, with the client's address and the actor's path (the supervisor's own log is off), notes it as the
    /// close reason, and returns false so the exception goes on to the supervisor unchanged. An exception filter: nothing is caught,
    /// and it costs nothing while nothing throws.
    /// </summary>
    private bool LogFailure(Exception failure, object message)
    {
        _reason = CloseReason.HandlerFailed;
        _reasonDetail = failure.GetType().Name + ": " + failure.Message;
        Log.LogError(failure, "Connection {Remote} ({Actor}) failed handling {Message} and is reset: {Reason}", _remote, Self.Path, message.GetType().Name, failure.Message);
        return false;
    }

    /// <summary>The normal state: echo what arrives.</summary>
    private bool Echoing(object message)
    {
        if (ReferenceEquals(message, Ack))
        {
            OnAck();
            return true;
        }

        switch (message)
        {
            case Tcp.Received received:
                OnReceived(received);
                return true;
            case Tcp.CommandFailed { Cmd: Tcp.Write refused }:
                OnWriteRefused(refused);
                return true;
            case Tcp.WritingResumed:
                OnWritingResumed();
                return true;
            case Tcp.PeerClosed:
                BeginFinishing(CloseReason.Peer);
                return true;
            case Drain:
                _drainStep = DrainStep.AwaitingQuiet;
                BeginFinishing(CloseReason.Shutdown);
                return true;
            default:
                return Common(message);
        }
    }

    /// <summary>After the client's FIN or a drain request: echo what is still due, then close once every echo is acked.</summary>
    private bool Finishing(object message)
    {
        if (ReferenceEquals(message, Ack))
        {
            OnAck();
            TryFinish();
            return true;
        }

        switch (message)
        {
            case Tcp.Received received:
                // Only after a drain: the client has not sent FIN and its data is still echoed.
                OnReceived(received);
                TryFinish();
                return true;
            case Tcp.CommandFailed { Cmd: Tcp.Write refused }:
                OnWriteRefused(refused);
                return true;
            case Tcp.WritingResumed:
                OnWritingResumed();
                TryFinish();
                return true;
            case Tcp.PeerClosed:
                _drainStep = DrainStep.None; // nothing more will arrive
                TryFinish();
                return true;
            case ReceiveTimeout when _drainStep == DrainStep.AwaitingQuiet:
                // Quiet for drain-quiet-period: the client has stopped sending. Half-close the input, so what the kernel still
                // holds (a busy machine can run the timer before the read loop) is read and echoed before the close.
                if (IsCaughtUp)
                {
                    HalfCloseInput();
                }

                return true;
            case Tcp.CommandFailed { Cmd: Tcp.ShutdownInput } failed:
                Log.LogDebug("Connection {Remote} cannot half-close its input ({Cause}); closing once caught up", _remote, failed.Cause?.Message);
                _drainStep = DrainStep.None;
                TryFinish();
                return true;
            case Drain:
                return true;
            default:
                return Common(message);
        }
    }

    /// <summary>A close or abort was sent; waiting for the connection's close event.</summary>
    private bool Closing(object message)
    {
        switch (message)
        {
            case Tcp.Received received:
                _bytesIn += received.Data.Count; // too late to echo: the connection is closing
                return true;
            case Tcp.PeerClosed or Tcp.CommandFailed or Tcp.WritingResumed or Drain:
                return true;
            case ReceiveTimeout:
                // The close event is overdue; stopping resets the connection (it watches this actor).
                Log.LogDebug("Connection {Remote} did not confirm the close in time; stopping", _remote);
                Context.Stop(Self);
                return true;
            case AbortNow:
                _connection.Tell(Tcp.Abort.Instance, Self);
                return true;
            default:
                return ReferenceEquals(message, Ack) || Common(message);
        }
    }

    /// <summary>What every state handles: the end of the connection, the idle timeout, a forced abort.</summary>
    private bool Common(object message)
    {
        switch (message)
        {
            case Tcp.ConnectionClosed closed:
                if (_reason is null)
                {
                    // Not asked for by this actor: the client reset the connection, or the transport failed.
                    _reason = closed is Tcp.PeerClosed ? CloseReason.Peer : CloseReason.Error;
                    _reasonDetail = closed is Tcp.ErrorClosed error ? error.Cause : null;
                }

                Context.Stop(Self);
                return true;
            case Terminated terminated when terminated.ActorRef.Equals(_connection):
                if (_reason is null)
                {
                    _reason = CloseReason.Error;
                    _reasonDetail = "the connection actor stopped";
                }

                Context.Stop(Self);
                return true;
            case ReceiveTimeout:
                Log.LogDebug("Connection {Remote} idle for {IdleTimeout}; closing", _remote, _settings.IdleTimeout);
                CloseWith(Tcp.Close.Instance, CloseReason.Idle);
                return true;
            case AbortNow:
                CloseWith(Tcp.Abort.Instance, CloseReason.Shutdown, "reset at the drain timeout");
                return true;
            case Tcp.CommandFailed failed:
                Log.LogDebug("Connection {Remote}: {Failure}", _remote, failed);
                return true;
            default:
                return false;
        }
    }

    /// <summary>The hot path: one write per frame and no other allocation.</summary>
    private void OnReceived(Tcp.Received received)
    {
        var data = received.Data;
        var count = data.Count;
        _bytesIn += count;
        var maxBytes = _settings.MaxBytesPerConnection;
        if (maxBytes > 0 && _bytesIn > maxBytes)
        {
            Log.LogWarning("Connection {Remote} sent more than max-bytes-per-connection ({Limit} bytes); resetting it", _remote, maxBytes);
            CloseWith(Tcp.Abort.Instance, CloseReason.Limit, "max-bytes-per-connection exceeded");
            return;
        }

        if (count == 0)
        {
            return;
        }

        if (_writingSuspended)
        {
            // The connection refuses every write until WritingResumed; keep the order by queueing behind the refused ones.
            (_refused ??= new()).Enqueue(data);
            _refusedBytes += count;
        }
        else
        {
            Send(data);
        }

        UpdateReading();
    }

    private void Send(ByteString data)
    {
        _written += data.Count;
        var lastAsked = _ackMarks.Count > 0 ? _ackMarks.Last : _acked;
        Tcp.Write write;
        if (_isFinishing || _readingSuspended || Outstanding > _settings.HighWaterMark || _written - lastAsked > _settings.AckEvery)
        {
            _ackMarks.Enqueue(_written);
            write = new Tcp.Write(data, Ack);
        }
        else
        {
            write = new Tcp.Write(data);
        }

        _connection.Tell(write, Self);
    }

    private void OnAck()
    {
        if (_ackMarks.Count == 0)
        {
            return; // not ours to count (cannot happen unless the connection acks twice)
        }

        // Writes complete in order: this ack covers every byte up to the oldest mark.
        _acked = _ackMarks.Dequeue();
        UpdateReading();
    }

    private void OnWriteRefused(Tcp.Write refused)
    {
        // With useResumeWriting, refused writes are always the newest ones (everything after the first refusal is refused too),
        // so their ack marks are the newest marks and their bytes move, in order, from "written" to "to resend".
        var data = refused.Data;
        _written -= data.Count;
        if (refused.WantsAck)
        {
            _ackMarks.RemoveLast();
        }

        if (data.Count > 0)
        {
            (_refused ??= new()).Enqueue(data);
            _refusedBytes += data.Count;
        }

        if (!_writingSuspended)
        {
            _writingSuspended = true;
            Log.LogDebug("Connection {Remote} refused a write ({Failure}); resending after WritingResumed", _remote, refused);
            _connection.Tell(Tcp.ResumeWriting.Instance, Self);
        }
    }

    private void OnWritingResumed()
    {
        if (!_writingSuspended)
        {
            return;
        }

        _writingSuspended = false;
        while (_refused is { } refused && refused.TryDequeue(out var data))
        {
            _refusedBytes -= data.Count;
            Send(data);
        }

        UpdateReading();
    }

    private void UpdateReading()
    {
        var outstanding = Outstanding;
        if (!_readingSuspended)
        {
            if (outstanding > _settings.HighWaterMark)
            {
                _readingSuspended = true;
                _connection.Tell(Tcp.SuspendReading.Instance, Self);
            }
        }
        else if (outstanding <= _settings.LowWaterMark)
        {
            _readingSuspended = false;
            _connection.Tell(Tcp.ResumeReading.Instance, Self);
        }
    }

    private void BeginFinishing(string reason)
    {
        _reason ??= reason;
        _isFinishing = true;
        Context.Become(GuardedFinishing);
        TryFinish();
    }

    /// <summary>
    /// Closes once every echo is acked (and, in a drain, once nothing more has arrived for <c>drain-quiet-period</c> and the input,
    /// half-closed then, has ended); otherwise makes sure the last unacked byte has an ack on its way.
    /// </summary>
    /// <remarks>
    /// Why the quiet period: the drain reaches this actor while the client's last bytes may still sit in the kernel's receive buffer,
    /// the transport's input pipe or this mailbox. Closing at the first moment everything read so far is acked dropped them: with 500
    /// clients streaming, most lost their last window (tests/ActorEcho.Tests/Reliability/ShutdownUnderLoadTests). Why the half-close
    /// after it: on a loaded machine the quiet timer can fire before the read loop has seen bytes already in the kernel; after
    /// <see cref="Tcp.ShutdownInput"/> the kernel hands those over and then reports the end of input, which does not depend on timing.
    /// Half-closing at the start of the drain instead would make the kernel reset the connection when the client's last window,
    /// still in its own send buffer, arrives after our FIN (and the reset drops echoes not yet sent).
    /// </remarks>
    private void TryFinish()
    {
        if (_writingSuspended)
        {
            return; // the refused echoes are resent (with acks) after WritingResumed
        }

        if (IsCaughtUp)
        {
            if (_drainStep == DrainStep.AwaitingInputEnd)
            {
                return; // PeerClosed (or a refused ShutdownInput) comes next
            }

            if (_drainStep == DrainStep.AwaitingQuiet)
            {
                if (_settings.DrainQuietPeriod > TimeSpan.Zero)
                {
                    Context.SetReceiveTimeout(_settings.DrainQuietPeriod); // any message restarts it; Finishing half-closes the input when it fires
                    return;
                }

                HalfCloseInput();
                return;
            }

            Context.SetReceiveTimeout(_settings.IdleTimeout); // back to the idle timeout, which Closing uses for an overdue close event
            CloseWith(Tcp.Close.Instance, null);
            return;
        }

        if (_ackMarks.Count == 0 || _ackMarks.Last < _written)
        {
            // The last echoes went out without asking for an ack; an empty write with one confirms them all (acks are cumulative).
            _ackMarks.Enqueue(_written);
            _connection.Tell(new Tcp.Write(ByteString.Empty, Ack), Self);
        }
    }

    /// <summary>The drain's last step before the close: the input ends once the kernel has handed over what it holds.</summary>
    private void HalfCloseInput()
    {
        _drainStep = DrainStep.AwaitingInputEnd;
        Context.SetReceiveTimeout(_settings.IdleTimeout); // back to the idle timeout, which Closing uses for an overdue close event
        _connection.Tell(Tcp.ShutdownInput.Instance, Self);
    }

    /// <summary>Sends <paramref name="command"/>; <paramref name="reason"/> (a <see cref="CloseReason"/>) counts unless one was set before.</summary>
    private void CloseWith(Tcp.CloseCommand command, string? reason, string? detail = null)
    {
        if (_reason is null)
        {
            _reason = reason;
            _reasonDetail = detail;
        }

        _connection.Tell(command, Self);
        Context.Become(GuardedClosing);
    }

    /// <summary>Where a drain stands once the connection has caught up: waiting for the client to go quiet, then for the half-closed input to end.</summary>
    private enum DrainStep
    {
        None,
        AwaitingQuiet,
        AwaitingInputEnd,
    }
}
