using System.Diagnostics.Metrics;

namespace ActorEcho.IO.Internal;

/// <summary>TCP instruments on the shared <c>ActorEcho</c> meter: connections accepted, refused, closed by reason, active, bytes in and out.</summary>
internal sealed class TcpMetrics : IDisposable
{
    private readonly Meter _meter = new("ActorEcho");
    private readonly Counter<long> _accepted;
    private readonly Counter<long> _refused;
    private readonly Counter<long> _closed;
    private readonly UpDownCounter<long> _active;
    private readonly Counter<long> _bytesReceived;
    private readonly Counter<long> _bytesSent;
    private readonly KeyValuePair<string, object?> _system;

    public TcpMetrics(string systemName)
    {
        _system = new("actor_system", systemName);
        _accepted = _meter.CreateCounter<long>("actorecho.tcp.connections_accepted", "{connection}", "Connections accepted.");
        _refused = _meter.CreateCounter<long>("actorecho.tcp.connections_refused", "{connection}", "Connections closed at once because max-connections was reached.");
        _closed = _meter.CreateCounter<long>("actorecho.tcp.connections_closed", "{connection}", "Connections closed, by reason.");
        _active = _meter.CreateUpDownCounter<long>("actorecho.tcp.connections_active", "{connection}", "Connections open now.");
        _bytesReceived = _meter.CreateCounter<long>("actorecho.tcp.bytes_received", "By", "Bytes read from clients.");
        _bytesSent = _meter.CreateCounter<long>("actorecho.tcp.bytes_sent", "By", "Bytes accepted for sending to clients.");
    }

    public void Accepted()
    {
        _accepted.Add(1, _system);
        _active.Add(1, _system);
    }

    public void Refused() => _refused.Add(1, _system);

    public void Closed(string reason)
    {
        _active.Add(-1, _system);
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

    public void Dispose() => _meter.Dispose();
}
