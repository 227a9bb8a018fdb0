namespace ActorEcho.Actors.Internal;

/// <summary>The reference that is no actor: messages sent to it are dropped, watching it yields Terminated at once.</summary>
internal sealed class NobodyRef : MinimalActorRef
{
    private NobodyRef()
    {
    }

    public static NobodyRef Instance { get; } = new();

    public override ActorPath Path { get; } = ActorPath.CreateRoot("nobody").Child("nobody", 0);

    public override bool IsTerminated => true;

    protected override void TellCore(object message, IActorRef? sender)
    {
    }
}
