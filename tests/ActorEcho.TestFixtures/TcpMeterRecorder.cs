using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace ActorEcho.TestFixtures;

/// <summary>
/// Sums the TCP layer's measurements (meter <c>ActorEcho</c>, instruments <c>actorecho.tcp.*</c>) of one actor system, told apart by
/// the <c>actor_system</c> tag, so a test can read counters such as connections refused while other tests' systems run in the same
/// process. Give the test's system a unique name.
/// </summary>
public sealed class TcpMeterRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly string _systemName;
    private readonly ConcurrentDictionary<(string Instrument, string? Reason), long> _totals = new();

    /// <summary>Starts listening to the instruments of the system named <paramref name="systemName"/>.</summary>
    public TcpMeterRecorder(string systemName)
    {
        _systemName = systemName;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "ActorEcho" && instrument.Name.StartsWith("actorecho.tcp.", StringComparison.Ordinal))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>(OnMeasurement);
        _listener.Start();
    }

    /// <summary>
    /// The sum of every measurement of <paramref name="instrument"/> (e.g. <c>actorecho.tcp.connections_refused</c>); for an observable
    /// instrument (<c>actorecho.tcp.connections_active</c>) its current value, observed now.
    /// </summary>
    public long Total(string instrument)
    {
        _listener.RecordObservableInstruments();
        return _totals.Where(kv => kv.Key.Instrument == instrument).Sum(kv => kv.Value);
    }

    /// <summary>The sum of the measurements of <paramref name="instrument"/> tagged with <c>reason</c> = <paramref name="reason"/>.</summary>
    public long Total(string instrument, string reason)
    {
        _listener.RecordObservableInstruments();
        return _totals.TryGetValue((instrument, reason), out var total) ? total : 0;
    }

    /// <inheritdoc />
    public void Dispose() => _listener.Dispose();

    private void OnMeasurement(Instrument instrument, long value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        var system = false;
        string? reason = null;
        foreach (var tag in tags)
        {
            if (tag.Key == "actor_system")
            {
                system = Equals(tag.Value, _systemName);
            }
            else if (tag.Key == "reason")
            {
                reason = tag.Value as string;
            }
        }

        if (system && instrument.IsObservable)
        {
            _totals[(instrument.Name, reason)] = value; // an observation is the current value, not an increment
        }
        else if (system)
        {
            _totals.AddOrUpdate((instrument.Name, reason), value, (_, total) => total + value);
        }
    }
}
