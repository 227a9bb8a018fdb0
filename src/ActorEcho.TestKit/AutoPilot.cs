namespace ActorEcho.TestKit;

/// <summary>Lets a probe answer messages by itself (for example, reply to every request) while the test still sees them.</summary>
public abstract class AutoPilot
{
    /// <summary>Handles one message; returns the pilot for the next one (this to keep going, null to stop).</summary>
    public abstract AutoPilot? Run(IActorRef sender, object message);

    /// <summary>A pilot from a function that is applied to every message.</summary>
    public static AutoPilot Create(Action<IActorRef, object> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return new DelegatePilot(handler);
    }

    private sealed class DelegatePilot(Action<IActorRef, object> handler) : AutoPilot
    {
        public override AutoPilot? Run(IActorRef sender, object message)
        {
            handler(sender, message);
            return this;
        }
    }
}
