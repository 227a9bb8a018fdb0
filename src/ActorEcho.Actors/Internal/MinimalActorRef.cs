using ActorEcho.Actors.Dispatch;

namespace ActorEcho.Actors.Internal;

/// <summary>Base for references that are not backed by an actor cell (nobody, dead letters, ask replies).</summary>
internal abstract class MinimalActorRef : IInternalActorRef
{
    public abstract ActorPath Path { get; }

    public virtual bool IsTerminated => false;

    public void Tell(object message, IActorRef? sender)
    {
        if (message is null)
        {
            ThrowHelper.ThrowNullMessage();
        }

        TellCore(message, sender);
    }

    /// <summary>Handles a message that is known not to be null.</summary>
    protected abstract void TellCore(object message, IActorRef? sender);

    public virtual void SendSystemMessage(SystemMessage message)
    {
        // A watch on something that can never stop still has to be answered, or the watcher would wait forever.
        if (message is Watch watch && IsTerminated)
        {
            watch.Watcher.SendSystemMessage(new DeathWatchNotification(this, existenceConfirmed: false));
        }
    }

    public bool Equals(IActorRef? other) => other is not null && Path.Uid == other.Path.Uid && Path.Equals(other.Path);

    public override bool Equals(object? obj) => obj is IActorRef other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Path.Uid, Path);

    public int CompareTo(IActorRef? other) => ActorRefComparer.Compare(this, other);

    public override string ToString() => $"[{Path}]";
}
