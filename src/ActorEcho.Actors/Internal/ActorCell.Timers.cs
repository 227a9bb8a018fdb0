using ActorEcho.Actors.Dispatch;

namespace ActorEcho.Actors.Internal;

/// <summary>Receive timeout and the unstash front queue.</summary>
internal sealed partial class ActorCell
{
    public TimeSpan? ReceiveTimeout => _extras?.ReceiveTimeout;

    public void SetReceiveTimeout(TimeSpan? timeout)
    {
        if (timeout is { } t && (t <= TimeSpan.Zero || t == Timeout.InfiniteTimeSpan))
        {
            timeout = null;
        }

        if (timeout is null)
        {
            if (_extras is { } extras)
            {
                extras.ReceiveTimeout = null;
                extras.ReceiveTimeoutTimer?.Dispose();
                extras.ReceiveTimeoutTimer = null;
            }

            return;
        }

        Extras.ReceiveTimeout = timeout;
        Extras.ReceiveTimeoutTimer ??= new Timer(static s => ((LocalActorRef)s!).Tell(Actors.ReceiveTimeout.Instance, null), Self, Timeout.Infinite, Timeout.Infinite);
        RescheduleReceiveTimeout();
    }

    private void RescheduleReceiveTimeout()
    {
        if (_extras is { ReceiveTimeout: { } timeout, ReceiveTimeoutTimer: { } timer })
        {
            timer.Change(timeout, Timeout.InfiniteTimeSpan);
        }
    }

    internal bool HasUnstashed => _extras?.Unstashed is { Count: > 0 };

    internal bool TryTakeUnstashed(out Envelope envelope)
    {
        if (_extras?.Unstashed is { Count: > 0 } front)
        {
            envelope = front.First!.Value;
            front.RemoveFirst();
            return true;
        }

        envelope = default;
        return false;
    }

    /// <summary>Puts stashed messages in front of the mailbox, keeping their order.</summary>
    internal void Prepend(IReadOnlyList<Envelope> envelopes)
    {
        if (envelopes.Count == 0)
        {
            return;
        }

        var front = Extras.Unstashed ??= new LinkedList<Envelope>();
        for (var i = envelopes.Count - 1; i >= 0; i--)
        {
            front.AddFirst(envelopes[i]);
        }

        if (Current != this)
        {
            Mailbox.ScheduleIfHasWork();
        }
    }

    private void DrainStashToDeadLetters()
    {
        var deadLetters = System.DeadLetters;
        if (_extras?.Stash is { } stash)
        {
            foreach (var envelope in stash.TakeAll())
            {
                deadLetters.Tell(new Event.DeadLetter(envelope.Message, envelope.Sender, Self), envelope.Sender);
            }
        }

        while (TryTakeUnstashed(out var envelope))
        {
            deadLetters.Tell(new Event.DeadLetter(envelope.Message, envelope.Sender, Self), envelope.Sender);
        }
    }
}
