using ActorEcho.Actors.Internal;

namespace ActorEcho.Actors;

/// <summary>
/// An actor whose behaviour is a list of typed handlers registered in its constructor (<c>Receive&lt;T&gt;</c>), tried in order.
/// <see cref="Become(Action)"/> swaps in a new list built by the given configuration action.
/// </summary>
public abstract class ReceiveActor : ActorBase
{
    private readonly ReceiveHandlers _handlers = new();
    private ReceiveHandlers? _configuring;

    /// <summary>Starts collecting handlers for the initial behaviour.</summary>
    protected ReceiveActor() => _configuring = _handlers;

    /// <summary>Handles messages of type <typeparamref name="T"/> (that match <paramref name="shouldHandle"/>, when given).</summary>
    protected void Receive<T>(Action<T> handler, Predicate<T>? shouldHandle = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Handlers.Add(new ActionHandler<T>(handler, shouldHandle));
    }

    /// <summary>Handles messages of type <typeparamref name="T"/> that match <paramref name="shouldHandle"/>.</summary>
    protected void Receive<T>(Predicate<T> shouldHandle, Action<T> handler) => Receive(handler, shouldHandle);

    /// <summary>Offers messages of type <typeparamref name="T"/> to <paramref name="handler"/>, which returns false to pass them on.</summary>
    protected void Receive<T>(Func<T, bool> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Handlers.Add(new FuncHandler<T>(handler));
    }

    /// <summary>
    /// Handles messages of type <typeparamref name="T"/> asynchronously: the actor takes no other user message until the task
    /// completes, and its continuations run on the actor's turn (so <c>Sender</c> and state stay safe across awaits).
    /// A faulted task fails the actor like a thrown exception.
    /// </summary>
    protected void ReceiveAsync<T>(Func<T, Task> handler, Predicate<T>? shouldHandle = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Handlers.Add(new AsyncHandler<T>(CellOrNull!, handler, shouldHandle));
    }

    /// <summary>Handles every message that no earlier handler took.</summary>
    protected void ReceiveAny(Action<object> handler) => Receive(handler);

    /// <summary>Handles every message that no earlier handler took, asynchronously (see <see cref="ReceiveAsync{T}"/>).</summary>
    protected void ReceiveAnyAsync(Func<object, Task> handler) => ReceiveAsync(handler);

    /// <summary>Replaces the behaviour with the handlers that <paramref name="configure"/> registers.</summary>
    protected void Become(Action configure) => Context.Become(Build(configure).Handle);

    /// <summary>Pushes the handlers that <paramref name="configure"/> registers; <see cref="IActorContext.UnbecomeStacked"/> pops them.</summary>
    protected void BecomeStacked(Action configure) => Context.BecomeStacked(Build(configure).Handle);

    /// <inheritdoc />
    protected sealed override bool Receive(object message) => _handlers.Handle(message);

    private protected override void OnConstructed() => _configuring = null;

    private ReceiveHandlers Handlers => _configuring ?? throw new InvalidOperationException(
        "Receive handlers can only be registered in the actor's constructor or inside Become(...).");

    private ReceiveHandlers Build(Action configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var previous = _configuring;
        var handlers = new ReceiveHandlers();
        _configuring = handlers;
        try
        {
            configure();
        }
        finally
        {
            _configuring = previous;
        }

        return handlers;
    }
}
