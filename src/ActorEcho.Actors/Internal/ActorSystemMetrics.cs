using System.Diagnostics.Metrics;
using ActorEcho.Actors.Supervision;

namespace ActorEcho.Actors.Internal;

/// <summary>
/// The runtime's instruments on the <c>ActorEcho</c> meter (tagged with the system name): supervisor decisions, restarts and dead
/// letters. Instruments cost one branch when nobody listens.
/// </summary>
internal sealed class ActorSystemMetrics : IDisposable
{
    /// <summary>The meter name shared by every ActorEcho component, so <c>dotnet-counters --counters ActorEcho</c> shows them all.</summary>
    public const string MeterName = "ActorEcho";

    private readonly Meter _meter;
    private readonly Counter<long> _decisions;
    private readonly Counter<long> _restarts;
    private readonly Counter<long> _deadLetters;
    private readonly KeyValuePair<string, object?> _systemTag;

    public ActorSystemMetrics(string systemName)
    {
        _meter = new Meter(MeterName);
        _systemTag = new KeyValuePair<string, object?>("actor_system", systemName);
        _decisions = _meter.CreateCounter<long>("actorecho.actor.supervisor_decisions", "{decision}", "Supervisor decisions on failed actors, by directive.");
        _restarts = _meter.CreateCounter<long>("actorecho.actor.restarts", "{restart}", "Actors restarted after a failure.");
        _deadLetters = _meter.CreateCounter<long>("actorecho.actor.dead_letters", "{message}", "Messages that could not be delivered.");
    }

    public void OnSupervisorDecision(Directive directive)
    {
        if (_decisions.Enabled)
        {
            _decisions.Add(1, _systemTag, new KeyValuePair<string, object?>("directive", directive.ToString()));
        }
    }

    public void OnRestart()
    {
        if (_restarts.Enabled)
        {
            _restarts.Add(1, _systemTag);
        }
    }

    public void OnDeadLetter()
    {
        if (_deadLetters.Enabled)
        {
            _deadLetters.Add(1, _systemTag);
        }
    }

    public void Dispose() => _meter.Dispose();
}
