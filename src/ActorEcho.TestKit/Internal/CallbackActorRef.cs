using ActorEcho.Actors.Internal;

namespace ActorEcho.TestKit.Internal;

/// <summary>
/// An event-stream subscriber that is not an actor: it handles each event synchronously on the publisher's thread, so it cannot
/// miss events published while the actor system is shutting down (an actor subscriber would be stopped first).
/// </summary>
internal sealed class CallbackActorRef(ActorPath path, Action<object> onMessage) : MinimalActorRef
{
    public override ActorPath Path { get; } = path;

    protected override void TellCore(object message, IActorRef? sender) => onMessage(message);
}
