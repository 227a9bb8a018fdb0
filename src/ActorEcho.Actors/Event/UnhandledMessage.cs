namespace ActorEcho.Actors.Event;

/// <summary>Published on the event stream when an actor's behaviour did not handle a message.</summary>
public sealed class UnhandledMessage(object message, IActorRef? sender, IActorRef recipient)
{
    /// <summary>The message nobody handled.</summary>
    public object Message { get; } = message;

    /// <summary>Who sent it, if anyone.</summary>
    public IActorRef? Sender { get; } = sender;

    /// <summary>The actor that did not handle it.</summary>
    public IActorRef Recipient { get; } = recipient;

    /// <inheritdoc />
    public override string ToString() => $"Unhandled({Message.GetType().Name} from {Sender?.Path.ToString() ?? "NoSender"} to {Recipient.Path})";
}
