using System.Diagnostics.Metrics;

namespace ActorEcho.TestFixtures;

/// <summary>
/// Records the <c>ActorEcho</c> meter's measurements of one actor system (by its <c>actor_system</c> tag), so tests running in parallel
/// with other systems in the same process see only their own. Thread-safe; dispose to stop listening.
/// </summary>
public sealed class MetricsRecorder : IDisposable
{
    private readonly string _systemName;
    private readonly MeterListener _listener = new();
    private readonly List<Recorded> _recorded = [];

    /// <summary>Starts listening to every <c>ActorEcho</c> instrument, those already created and those created later.</summary>
    public MetricsRecorder(string systemName)
    {
        _systemName = systemName;
        _listener.InstrumentPublished = static (instrument, listener) =>
        {
            if (instrument.Meter.Name == "ActorEcho")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.Start();
    }

    /// <summary>The sum of every measurement of <paramref name="instrument"/>, optionally only those whose <paramref name="tag"/> has <paramref name="value"/>.</summary>
    public long Sum(string instrument, string? tag = null, object? value = null)
    {
        lock (_recorded)
        {
            long sum = 0;
            foreach (var r in _recorded)
            {
                if (r.Instrument == instrument && (tag is null || (r.Tags.TryGetValue(tag, out var v) && Equals(v, value))))
                {
                    sum += r.Value;
                }
            }

            return sum;
        }
    }

    /// <summary>Collects the observable instruments now and returns the value <paramref name="instrument"/> reported.</summary>
    public long Observe(string instrument)
    {
        _listener.RecordObservableInstruments();
        lock (_recorded)
        {
            for (var i = _recorded.Count - 1; i >= 0; i--)
            {
                if (_recorded[i].Instrument == instrument)
                {
                    return _recorded[i].Value;
                }
            }
        }

        throw new InvalidOperationException($"{instrument} reported nothing for actor system '{_systemName}'.");
    }

    /// <summary>Every recorded measurement as <c>name{tags}=value</c> lines, for failure messages.</summary>
    public string Dump()
    {
        lock (_recorded)
        {
            return string.Join(Environment.NewLine, _recorded.Select(r => $"{r.Instrument}{{{string.Join(",", r.Tags.Select(t => $"{t.Key}={t.Value}"))}}}={r.Value}"));
        }
    }

    /// <inheritdoc />
    public void Dispose() => _listener.Dispose();

    private void Record(Instrument instrument, long value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            copy[tag.Key] = tag.Value;
        }

        if (!copy.TryGetValue("actor_system", out var system) || !Equals(system, _systemName))
        {
            return;
        }

        lock (_recorded)
        {
            _recorded.Add(new Recorded(instrument.Name, value, copy));
        }
    }

    private sealed record Recorded(string Instrument, long Value, Dictionary<string, object?> Tags);
}
