namespace ActorEcho.TestKit;

/// <summary>
/// A stand-in actor for tests: pass <see cref="Ref"/> wherever an actor is expected, then assert on what it received, reply, or forward.
/// </summary>
public sealed class TestProbe : TestKitBase
{
    internal TestProbe(ActorSystem system, string name)
        : base(system, name)
    {
    }

    /// <summary>The probe's actor reference.</summary>
    public IActorRef Ref => TestActor;

    /// <summary>The sender of the last message the probe took.</summary>
    public IActorRef Sender => LastSender;

    /// <summary>Replies to the sender of the last message taken, with the probe as the sender.</summary>
    public void Reply(object message) => LastSender.Tell(message, Ref);

    /// <summary>Sends <paramref name="message"/> to <paramref name="actor"/> with the probe as the sender.</summary>
    public void Send(IActorRef actor, object message)
    {
        ArgumentNullException.ThrowIfNull(actor);
        actor.Tell(message, Ref);
    }

    /// <summary>Forwards <paramref name="message"/> to <paramref name="actor"/>, keeping the last message's sender as its sender.</summary>
    public void Forward(IActorRef actor, object message)
    {
        ArgumentNullException.ThrowIfNull(actor);
        actor.Tell(message, LastSender);
    }

    /// <inheritdoc />
    public override string ToString() => $"TestProbe({Ref.Path})";
}
