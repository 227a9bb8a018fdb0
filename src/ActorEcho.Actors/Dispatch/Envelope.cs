namespace ActorEcho.Actors.Dispatch;

/// <summary>A user message and its sender as stored in a mailbox: a struct, so enqueueing allocates nothing beyond the message.</summary>
internal readonly struct Envelope(object message, IActorRef? sender)
{
    public readonly object Message = message;

    public readonly IActorRef? Sender = sender;

    public override string ToString() => $"<{Message.GetType().Name}> from {Sender?.Path.ToString() ?? "NoSender"}";
}
