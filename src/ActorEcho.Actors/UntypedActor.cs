namespace ActorEcho.Actors;

/// <summary>An actor with one <see cref="OnReceive"/> method; call <see cref="ActorBase.Unhandled"/> yourself for messages you do not handle.</summary>
public abstract class UntypedActor : ActorBase
{
    /// <summary>Handles one message.</summary>
    protected abstract void OnReceive(object message);

    /// <inheritdoc />
    protected sealed override bool Receive(object message)
    {
        OnReceive(message);
        return true;
    }

    /// <summary>Switches to <paramref name="receive"/> for the following messages.</summary>
    protected void Become(Action<object> receive)
    {
        ArgumentNullException.ThrowIfNull(receive);
        Context.Become(m =>
        {
            receive(m);
            return true;
        });
    }
}
