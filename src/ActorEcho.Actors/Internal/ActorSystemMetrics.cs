using System.Diagnostics.Metrics;
using ActorEcho.Actors.Supervision;

namespace ActorEcho.Actors.Internal;

/// <summary>
/// The runtime's instruments on the <c>ActorEcho</c> meter, each measurement tagged <c>actor_system</c>: supervisor decisions by
/// directive, restarts, dead letters, and the sampled mailbox depth of the busiest actor. A counter costs one branch when nobody
/// listens; the gauge's tree walk runs only when a listener collects it, never on a message path.
/// </summary>
internal sealed class ActorSystemMetrics : IDisposable
{
    /// <summary>The meter name shared by every ActorEcho component, so <c>dotnet-counters --counters ActorEcho</c> shows them all.</summary>
    public const string MeterName = "ActorEcho";

    /// <summary>The tag that names the actor system on every measurement.</summary>
    public const string SystemTagName = "actor_system";

    private readonly Meter _meter;
    private readonly Counter<long> _decisions;
    private readonly Counter<long> _restarts;
    private readonly Counter<long> _deadLetters;
    private readonly KeyValuePair<string, object?> _systemTag;
    private readonly KeyValuePair<string, object?> _resume = new("directive", "resume");
    private readonly KeyValuePair<string, object?> _restart = new("directive", "restart");
    private readonly KeyValuePair<string, object?> _stop = new("directive", "stop");
    private readonly KeyValuePair<string, object?> _escalate = new("directive", "escalate");
    private readonly KeyValuePair<string, object?> _suppressed = new("suppressed", true);
    private readonly KeyValuePair<string, object?> _notSuppressed = new("suppressed", false);

    /// <summary>Creates the instruments; <paramref name="busiestMailboxDepth"/> is called only when a listener samples the gauge.</summary>
    public ActorSystemMetrics(string systemName, Func<int> busiestMailboxDepth)
    {
        _meter = new Meter(MeterName);
        _systemTag = new KeyValuePair<string, object?>(SystemTagName, systemName);
        _decisions = _meter.CreateCounter<long>("actorecho.actor.supervisor_decisions", "{decision}", "Supervisor decisions on failed actors, by directive as applied (resume, restart, stop, escalate); a restart refused by the retry limit counts as stop.");
        _restarts = _meter.CreateCounter<long>("actorecho.actor.restarts", "{restart}", "Actors restarted after a failure (new instance created).");
        _deadLetters = _meter.CreateCounter<long>("actorecho.actor.dead_letters", "{message}", "Messages that could not be delivered; suppressed=true marks expected ones (IDeadLetterSuppression, e.g. a late write ack) that are never logged.");
        var systemTag = _systemTag;
        _meter.CreateObservableGauge(
            "actorecho.actor.mailbox_depth_max",
            () => new Measurement<int>(busiestMailboxDepth(), systemTag),
            "{message}",
            "User messages queued in the busiest actor's mailbox, sampled when collected (walks the live actor tree).");
    }

    public void OnSupervisorDecision(Directive directive)
    {
        if (_decisions.Enabled)
        {
            var tag = directive switch
            {
                Directive.Resume => _resume,
                Directive.Restart => _restart,
                Directive.Stop => _stop,
                _ => _escalate,
            };
            _decisions.Add(1, _systemTag, tag);
        }
    }

    public void OnRestart()
    {
        if (_restarts.Enabled)
        {
            _restarts.Add(1, _systemTag);
        }
    }

    public void OnDeadLetter(bool suppressed)
    {
        if (_deadLetters.Enabled)
        {
            _deadLetters.Add(1, _systemTag, suppressed ? _suppressed : _notSuppressed);
        }
    }

    public void Dispose() => _meter.Dispose();
}
