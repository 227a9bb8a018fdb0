namespace ActorEcho.Actors.Internal;

/// <summary>A timer's message on its way through the mailbox, tagged so a cancelled or replaced timer's message can be dropped.</summary>
internal sealed class TimerMessage(object key, int generation, object message, TimerScheduler owner) : IAutoReceivedMessage
{
    public object Key { get; } = key;

    public int Generation { get; } = generation;

    public object Message { get; } = message;

    public TimerScheduler Owner { get; } = owner;
}
