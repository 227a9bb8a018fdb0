using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;

namespace ActorEcho.Server.Internal;

/// <summary>
/// The echo server's instrument on the <c>ActorEcho</c> meter: <c>actorecho.server.connections_closed</c>, tagged
/// <c>actor_system</c> and <c>reason</c> (<see cref="CloseReason"/>). One per actor system, shared by all its echo servers, disposed
/// when the system terminates.
/// </summary>
/// <remarks>
/// Why here and not on the TCP layer's <c>actorecho.tcp.connections_closed</c>: the transport only sees protocol events (a Close or an
/// Abort command, a FIN, an error), not why the handler sent them. An idle timeout and a drain both arrive there as <c>close</c>, a
/// byte limit as <c>abort</c>, and a client's FIN as <c>close</c> too, because the echo server keeps the connection open to finish
/// echoing. Passing the handler's reason down would add a field to the Akka-shaped <c>Close</c>/<c>Abort</c> commands for one user.
/// </remarks>
internal sealed class EchoServerMetrics : IDisposable
{
    private static readonly ConditionalWeakTable<ActorSystem, EchoServerMetrics> s_perSystem = [];

    private readonly Meter _meter = new("ActorEcho");
    private readonly Counter<long> _closed;
    private readonly KeyValuePair<string, object?> _system;

    private EchoServerMetrics(string systemName)
    {
        _system = new("actor_system", systemName);
        _closed = _meter.CreateCounter<long>(
            "actorecho.server.connections_closed",
            "{connection}",
            "Echo connections ended, by reason: peer, error, idle, limit, shutdown, handler-failed.");
    }

    /// <summary>The instance of <paramref name="system"/>, created on first use.</summary>
    public static EchoServerMetrics Get(ActorSystem system)
    {
        lock (s_perSystem)
        {
            if (!s_perSystem.TryGetValue(system, out var metrics))
            {
                metrics = new EchoServerMetrics(system.Name);
                s_perSystem.Add(system, metrics);
                system.WhenTerminated.ContinueWith(static (_, s) => ((EchoServerMetrics)s!).Dispose(), metrics, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }

            return metrics;
        }
    }

    /// <summary>Counts one ended connection; <paramref name="reason"/> is a <see cref="CloseReason"/> constant.</summary>
    public void Closed(string reason)
    {
        if (_closed.Enabled)
        {
            _closed.Add(1, _system, new KeyValuePair<string, object?>("reason", reason));
        }
    }

    public void Dispose() => _meter.Dispose();
}
