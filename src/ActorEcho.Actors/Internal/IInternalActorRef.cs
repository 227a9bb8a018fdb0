using ActorEcho.Actors.Dispatch;

namespace ActorEcho.Actors.Internal;

/// <summary>The runtime's side of an actor reference: system messages and liveness.</summary>
internal interface IInternalActorRef : IActorRef
{
    /// <summary>True once the actor has stopped for good.</summary>
    bool IsTerminated { get; }

    void SendSystemMessage(SystemMessage message);
}
