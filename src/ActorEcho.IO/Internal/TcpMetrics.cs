using System.Diagnostics.Metrics;

namespace ActorEcho.IO.Internal;

/// <summary>
/// TCP instruments on the shared <c>ActorEcho</c> meter, tagged <c>actor_system</c>: connections accepted, refused, closed by
/// transport reason, active, bytes in and out, and reads suspended by back-pressure. Counters check <c>Enabled</c> first, so they
/// cost a branch when nobody listens.
/// </summary>
/// <remarks>
/// The transport's close reasons say who ended the connection at the protocol level (<c>peer</c>, <c>close</c>, <c>abort</c>,
/// <c>confirmed-close</c>, <c>error</c>, <c>handler-stopped</c>, <c>register-timeout</c>, <c>shutdown</c>). Why a handler closed
/// (idle, a limit, a drain) is the handler's to count: the echo server does so on <c>actorecho.server.connections_closed</c>.
/// </remarks>
internal sealed class TcpMetrics : IDisposable
{
    private readonly Meter _meter = new("ActorEcho");
    private readonly Counter<long> _accepted;
    private readonly Counter<long> _refused;
    private readonly Counter<long> _closed;
    private readonly Counter<long> _bytesReceived;
    private readonly Counter<long> _bytesSent;
    private readonly Counter<long> _readsSuspended;
    private readonly KeyValuePair<string, object?> _system;

    /// <summary>Open connections, kept always (one interlocked operation per open and close) so that a listener attached late still reads the true number.</summary>
    private long _activeCount;

    public TcpMetrics(string systemName)
    {
        _system = new("actor_system", systemName);
        _accepted = _meter.CreateCounter<long>("actorecho.tcp.connections_accepted", "{connection}", "Connections accepted.");
        _refused = _meter.CreateCounter<long>("actorecho.tcp.connections_refused", "{connection}", "Connections closed at once on accept: max-connections reached, or the listener was unbinding.");
        _closed = _meter.CreateCounter<long>("actorecho.tcp.connections_closed", "{connection}", "Connections closed, by transport-level reason (peer, close, confirmed-close, abort, error, handler-stopped, register-timeout, shutdown).");
        var system = _system;
        _meter.CreateObservableUpDownCounter("actorecho.tcp.connections_active", () => new Measurement<long>(Volatile.Read(ref _activeCount), system), "{connection}", "Connections open now (accepted and not yet closed).");
        _bytesReceived = _meter.CreateCounter<long>("actorecho.tcp.bytes_received", "By", "Bytes read from clients.");
        _bytesSent = _meter.CreateCounter<long>("actorecho.tcp.bytes_sent", "By", "Bytes written to clients (counted once the transport has handed them to the socket).");
        _readsSuspended = _meter.CreateCounter<long>("actorecho.tcp.reads_suspended", "{event}", "Times a handler suspended reading (write back-pressure: a client that does not read its echoes).");
    }

    public void Accepted()
    {
        if (_accepted.Enabled)
        {
            _accepted.Add(1, _system);
        }

        Interlocked.Increment(ref _activeCount);
    }

    public void Refused()
    {
        if (_refused.Enabled)
        {
            _refused.Add(1, _system);
        }
    }

    public void Closed(string reason)
    {
        Interlocked.Decrement(ref _activeCount);

        if (_closed.Enabled)
        {
            _closed.Add(1, _system, new KeyValuePair<string, object?>("reason", reason));
        }
    }

    public void BytesReceived(long count)
    {
        if (_bytesReceived.Enabled)
        {
            _bytesReceived.Add(count, _system);
        }
    }

    public void BytesSent(long count)
    {
        if (_bytesSent.Enabled)
        {
            _bytesSent.Add(count, _system);
        }
    }

    public void ReadsSuspended()
    {
        if (_readsSuspended.Enabled)
        {
            _readsSuspended.Add(1, _system);
        }
    }

    public void Dispose() => _meter.Dispose();
}
