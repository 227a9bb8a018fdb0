namespace ActorEcho.Actors.Internal;

/// <summary>Carries a WatchWith message through the mailbox so that an Unwatch before it is processed still cancels it.</summary>
internal sealed class TerminatedWith(IActorRef actorRef, object message) : IAutoReceivedMessage, IDeadLetterSuppression
{
    public IActorRef ActorRef { get; } = actorRef;

    public object Message { get; } = message;
}
