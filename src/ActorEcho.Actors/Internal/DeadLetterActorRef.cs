using System.Collections.Concurrent;
using ActorEcho.Actors.Event;
using Microsoft.Extensions.Logging;

namespace ActorEcho.Actors.Internal;

/// <summary>
/// Where undeliverable messages go. Each one is published as a <see cref="DeadLetter"/>; the first of each message type is
/// logged, later ones are only counted, and <see cref="LogSummary"/> reports the counts when the system stops.
/// </summary>
internal sealed class DeadLetterActorRef : MinimalActorRef
{
    private readonly ActorSystem _system;
    private readonly ConcurrentDictionary<Type, int> _counts = new();

    public DeadLetterActorRef(ActorSystem system, ActorPath path)
    {
        _system = system;
        Path = path;
    }

    public override ActorPath Path { get; }

    public long Total => _counts.Values.Sum(v => (long)v);

    protected override void TellCore(object message, IActorRef? sender)
    {
        var deadLetter = message as DeadLetter ?? new DeadLetter(message, sender, this, DeadLetterReason.NoRecipient);
        if (deadLetter.Message is DeadLetter)
        {
            return; // a dead subscriber of dead letters must not start an endless loop
        }

        var suppressed = deadLetter.Message is IDeadLetterSuppression;
        _system.Metrics.OnDeadLetter(suppressed);
        _system.EventStream.Publish(deadLetter);
        if (suppressed || !_system.Settings.LogDeadLetters)
        {
            return;
        }

        var count = _counts.AddOrUpdate(deadLetter.Message.GetType(), 1, static (_, c) => c + 1);
        if (count == 1)
        {
            _system.RuntimeLog.Log(
                LogLevel.Information,
                "Message [{MessageType}] from {Sender} to {Recipient} was not delivered ({Reason}). Later dead letters of this type are counted, not logged.",
                deadLetter.Message.GetType().Name,
                deadLetter.Sender?.Path.ToString() ?? "NoSender",
                deadLetter.Recipient.Path,
                deadLetter.Reason);
        }
    }

    /// <summary>How many dead letters of each message type have been logged or counted.</summary>
    public IReadOnlyDictionary<Type, int> Counts => _counts;

    public void LogSummary()
    {
        foreach (var (type, count) in _counts)
        {
            if (count > 1)
            {
                _system.RuntimeLog.Log(LogLevel.Information, "{Count} dead letters of type [{MessageType}] in total.", count, type.Name);
            }
        }
    }
}
