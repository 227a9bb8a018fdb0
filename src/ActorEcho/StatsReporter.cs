using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace ActorEcho.Cli;

/// <summary>
/// <c>--stats-interval</c>: listens to the <c>ActorEcho</c> meter of one actor system (its <c>actor_system</c> tag) and, once
/// <see cref="Start"/>ed, writes a one-line summary at every interval, e.g.
/// <c>stats: active=12 accepted=340 closed=328 (peer=320 idle=8) refused=0 in=1.2 MiB out=1.2 MiB suspended=3 restarts=0 dead-letters=0 busiest-mailbox=4 heap=3.1 MiB</c>.
/// </summary>
/// <remarks>
/// Counters are totals since the reporter was created, so create it before the server starts (it then misses nothing) and start the
/// printing once the server listens. It only needs the interval and a writer, so any host (the console app, a hosting layer) can
/// wire it. Counting costs an interlocked add per measurement while it lives; the observable gauges are sampled once per line.
/// </remarks>
internal sealed class StatsReporter : IDisposable
{
    /// <summary>Close reasons in the order they are printed; any other reason follows, alphabetically.</summary>
    private static readonly string[] s_reasonOrder = ["peer", "error", "idle", "limit", "shutdown", "handler-failed"];

    private readonly string _systemName;
    private readonly TimeSpan _interval;
    private readonly TextWriter _output;
    private readonly MeterListener _listener = new();
    private readonly Dictionary<string, StrongBox<long>> _values = new(StringComparer.Ordinal)
    {
        ["actorecho.tcp.connections_active"] = new(),
        ["actorecho.tcp.connections_accepted"] = new(),
        ["actorecho.tcp.connections_refused"] = new(),
        ["actorecho.tcp.bytes_received"] = new(),
        ["actorecho.tcp.bytes_sent"] = new(),
        ["actorecho.tcp.reads_suspended"] = new(),
        ["actorecho.actor.restarts"] = new(),
        ["actorecho.actor.dead_letters"] = new(),
        ["actorecho.actor.mailbox_depth_max"] = new(),
    };

    private readonly ConcurrentDictionary<string, StrongBox<long>> _closedByReason = new(StringComparer.Ordinal);
    private readonly object _closedMarker = new();
    private Timer? _timer;

    /// <summary>Starts listening at once; nothing is written before <see cref="Start"/>.</summary>
    /// <param name="systemName">The actor system whose measurements count.</param>
    /// <param name="interval">Time between lines; positive.</param>
    /// <param name="output">Where the lines go (stderr in the console app).</param>
    public StatsReporter(string systemName, TimeSpan interval, TextWriter output)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        _systemName = systemName;
        _interval = interval;
        _output = output;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name != "ActorEcho")
            {
                return;
            }

            if (instrument.Name == "actorecho.server.connections_closed")
            {
                listener.EnableMeasurementEvents(instrument, _closedMarker);
            }
            else if (_values.TryGetValue(instrument.Name, out var slot))
            {
                listener.EnableMeasurementEvents(instrument, slot);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, state) => OnMeasurement(instrument, value, tags, state));
        _listener.SetMeasurementEventCallback<int>((instrument, value, tags, state) => OnMeasurement(instrument, value, tags, state));
        _listener.Start();
    }

    /// <summary>Starts writing a line every interval (the first one interval from now).</summary>
    public void Start() => _timer ??= new Timer(static s => ((StatsReporter)s!).WriteLine(), this, _interval, _interval);

    /// <summary>Samples the gauges and formats the current line.</summary>
    public string Snapshot()
    {
        _listener.RecordObservableInstruments();
        var line = new StringBuilder("stats:");
        Append(line, "active", Value("actorecho.tcp.connections_active"));
        Append(line, "accepted", Value("actorecho.tcp.connections_accepted"));
        var reasons = _closedByReason.Select(r => (Reason: r.Key, Count: Volatile.Read(ref r.Value.Value)))
            .Where(r => r.Count != 0)
            .OrderBy(r => Array.IndexOf(s_reasonOrder, r.Reason) is var i and >= 0 ? i : s_reasonOrder.Length)
            .ThenBy(r => r.Reason, StringComparer.Ordinal)
            .ToList();
        Append(line, "closed", reasons.Sum(r => r.Count));
        if (reasons.Count > 0)
        {
            line.Append(" (").AppendJoin(' ', reasons.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Reason}={r.Count}"))).Append(')');
        }

        Append(line, "refused", Value("actorecho.tcp.connections_refused"));
        line.Append(" in=").Append(FormatBytes(Value("actorecho.tcp.bytes_received")));
        line.Append(" out=").Append(FormatBytes(Value("actorecho.tcp.bytes_sent")));
        Append(line, "suspended", Value("actorecho.tcp.reads_suspended"));
        Append(line, "restarts", Value("actorecho.actor.restarts"));
        Append(line, "dead-letters", Value("actorecho.actor.dead_letters"));
        Append(line, "busiest-mailbox", Value("actorecho.actor.mailbox_depth_max"));

        // The managed heap after the last GC (not the meter's: the process's), so a soak can see a leak without dotnet-counters.
        line.Append(" heap=").Append(FormatBytes(GC.GetGCMemoryInfo().HeapSizeBytes));
        return line.ToString();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _timer?.Dispose();
        _listener.Dispose();
    }

    /// <summary><c>512 B</c>, <c>1.5 KiB</c>, <c>1.2 MiB</c>, <c>3.0 GiB</c>.</summary>
    internal static string FormatBytes(long bytes)
    {
        if (bytes < 1024)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{bytes} B");
        }

        string[] units = ["KiB", "MiB", "GiB", "TiB"];
        var value = bytes / 1024.0;
        var unit = 0;
        while (value >= 1024 && unit < units.Length - 1)
        {
            value /= 1024;
            unit++;
        }

        return string.Create(CultureInfo.InvariantCulture, $"{value:0.0} {units[unit]}");
    }

    private static void Append(StringBuilder line, string name, long value) =>
        line.Append(' ').Append(name).Append('=').Append(value.ToString(CultureInfo.InvariantCulture));

    private long Value(string instrument) => Volatile.Read(ref _values[instrument].Value);

    private void OnMeasurement(Instrument instrument, long value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        string? reason = null;
        var ours = false;
        var suppressed = false;
        foreach (var tag in tags)
        {
            if (tag.Key == "actor_system")
            {
                ours = tag.Value is string system && system == _systemName;
            }
            else if (tag.Key == "reason")
            {
                reason = tag.Value as string;
            }
            else if (tag.Key == "suppressed")
            {
                suppressed = tag.Value is true;
            }
        }

        // Suppressed dead letters are expected (a late ack after a close); the line shows the ones worth a look.
        if (!ours || suppressed)
        {
            return;
        }

        if (ReferenceEquals(state, _closedMarker))
        {
            Interlocked.Add(ref _closedByReason.GetOrAdd(reason ?? "unknown", static _ => new StrongBox<long>()).Value, value);
        }
        else if (state is StrongBox<long> slot)
        {
            if (instrument.IsObservable)
            {
                Volatile.Write(ref slot.Value, value); // a sampled current value, not a delta
            }
            else
            {
                Interlocked.Add(ref slot.Value, value);
            }
        }
    }

    private void WriteLine()
    {
        try
        {
            _output.WriteLine(Snapshot());
            _output.Flush();
        }
        catch (ObjectDisposedException)
        {
            // The writer closed during shutdown: nothing left to report to.
        }
    }
}
