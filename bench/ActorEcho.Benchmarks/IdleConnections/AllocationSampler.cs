using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using System.Globalization;

namespace ActorEcho.Benchmarks.IdleConnections;

/// <summary>
/// Which types a run allocates, from the runtime's own sampling: a GCAllocationTick event about every 100 KB names the type of the
/// object that crossed the mark, so over megabytes the sampled amount per type approximates what each type allocated (garbage too).
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private readonly ConcurrentDictionary<string, long> _bytesByType = new();
    private volatile bool _sampling;

    public void Start() => _sampling = true;

    public void Stop() => _sampling = false;

    /// <summary>Prints the types with the most sampled bytes, as bytes per <paramref name="count"/>.</summary>
    public void Report(int count, int top = 25)
    {
        Console.WriteLine("  allocated by type (sampled every ~100 KB, bytes per connection):");
        foreach (var (type, bytes) in _bytesByType.OrderByDescending(p => p.Value).Take(top))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {bytes / (double)Math.Max(1, count),8:N0} B  {type}"));
        }
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, GcKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (!_sampling || eventData.EventName is not { } name || !name.StartsWith("GCAllocationTick", StringComparison.Ordinal) || eventData.Payload is null)
        {
            return;
        }

        var type = eventData.PayloadNames!.IndexOf("TypeName") is var t and >= 0 ? eventData.Payload[t] as string ?? "?" : "?";
        var amount = eventData.PayloadNames.IndexOf("AllocationAmount64") is var a and >= 0
            ? Convert.ToInt64(eventData.Payload[a], CultureInfo.InvariantCulture)
            : Convert.ToInt64(eventData.Payload[eventData.PayloadNames.IndexOf("AllocationAmount")], CultureInfo.InvariantCulture);
        _bytesByType.AddOrUpdate(type, amount, (_, total) => total + amount);
    }
}
