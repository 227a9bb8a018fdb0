namespace ActorEcho.Actors.Event;

/// <summary>Published on the event stream for every message that could not be delivered.</summary>
public sealed class DeadLetter(object message, IActorRef? sender, IActorRef recipient, DeadLetterReason reason = DeadLetterReason.RecipientStopped)
{
    /// <summary>The undelivered message.</summary>
    public object Message { get; } = message;

    /// <summary>Who sent it, if anyone.</summary>
    public IActorRef? Sender { get; } = sender;

    /// <summary>Who it was meant for.</summary>
    public IActorRef Recipient { get; } = recipient;

    /// <summary>Why it was not delivered.</summary>
    public DeadLetterReason Reason { get; } = reason;

    /// <inheritdoc />
    public override string ToString() =>
        $"DeadLetter({Message.GetType().Name} from {Sender?.Path.ToString() ?? "NoSender"} to {Recipient.Path}: {Reason})";
}
