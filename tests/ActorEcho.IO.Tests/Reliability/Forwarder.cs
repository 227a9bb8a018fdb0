using ActorEcho.Actors;

namespace ActorEcho.IO.Tests.Reliability;

/// <summary>A connection handler that can die: forwards every message to <paramref name="target"/>, keeping the original sender.</summary>
public sealed class Forwarder(IActorRef target) : ActorBase
{
    public static Props CreateProps(IActorRef target) => Props.Create(() => new Forwarder(target));

    protected override bool Receive(object message)
    {
        target.Tell(message, Sender);
        return true;
    }
}
