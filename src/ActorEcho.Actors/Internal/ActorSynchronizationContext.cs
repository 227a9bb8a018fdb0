using ActorEcho.Actors.Dispatch;

namespace ActorEcho.Actors.Internal;

/// <summary>Posts an async handler's continuations back into its actor's mailbox, where they run on the actor's turn.</summary>
internal sealed class ActorSynchronizationContext(ActorCell cell) : SynchronizationContext
{
    public override void Post(SendOrPostCallback d, object? state) => cell.Self.SendSystemMessage(new RunContinuation(d, state));

    public override void Send(SendOrPostCallback d, object? state)
    {
        if (ActorCell.Current == cell)
        {
            d(state);
            return;
        }

        throw new NotSupportedException("Synchronous Send into an actor's context is not supported; use Post.");
    }

    public override SynchronizationContext CreateCopy() => this;
}
