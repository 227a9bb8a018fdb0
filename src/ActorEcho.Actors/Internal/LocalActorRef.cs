using ActorEcho.Actors.Dispatch;

namespace ActorEcho.Actors.Internal;

/// <summary>The reference to an actor in this process: telling it enqueues into the actor's mailbox.</summary>
internal sealed class LocalActorRef : IInternalActorRef
{
    public LocalActorRef(ActorCell cell, ActorPath path)
    {
        Cell = cell;
        Path = path;
    }

    public ActorCell Cell { get; }

    public ActorPath Path { get; }

    public bool IsTerminated => Cell.Mailbox.IsClosed;

    public void Tell(object message, IActorRef? sender)
    {
        if (message is null)
        {
            ThrowHelper.ThrowNullMessage();
        }

        Cell.Mailbox.Post(message, sender);
    }

    public void SendSystemMessage(SystemMessage message) => Cell.Mailbox.PostSystem(message);

    public bool Equals(IActorRef? other) =>
        ReferenceEquals(this, other) || (other is not null && Path.Uid == other.Path.Uid && Path.Equals(other.Path));

    public override bool Equals(object? obj) => obj is IActorRef other && Equals(other);

    public override int GetHashCode() => Path.Uid.GetHashCode();

    public int CompareTo(IActorRef? other) => ActorRefComparer.Compare(this, other);

    public override string ToString() => $"[{Path}#{Path.Uid}]";
}
