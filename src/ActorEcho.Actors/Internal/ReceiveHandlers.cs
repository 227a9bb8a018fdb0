namespace ActorEcho.Actors.Internal;

/// <summary>One behaviour of a <see cref="ReceiveActor"/>: handlers tried in registration order.</summary>
internal sealed class ReceiveHandlers
{
    private ReceiveHandler[] _handlers = [];

    public void Add(ReceiveHandler handler) => _handlers = [.. _handlers, handler];

    public bool Handle(object message)
    {
        foreach (var handler in _handlers)
        {
            if (handler.TryHandle(message))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>A typed entry of a <see cref="ReceiveHandlers"/> list.</summary>
internal abstract class ReceiveHandler
{
    public abstract bool TryHandle(object message);
}

internal sealed class ActionHandler<T>(Action<T> handler, Predicate<T>? shouldHandle) : ReceiveHandler
{
    public override bool TryHandle(object message)
    {
        if (message is T typed && (shouldHandle is null || shouldHandle(typed)))
        {
            handler(typed);
            return true;
        }

        return false;
    }
}

internal sealed class FuncHandler<T>(Func<T, bool> handler) : ReceiveHandler
{
    public override bool TryHandle(object message) => message is T typed && handler(typed);
}

internal sealed class AsyncHandler<T>(ActorCell cell, Func<T, Task> handler, Predicate<T>? shouldHandle) : ReceiveHandler
{
    public override bool TryHandle(object message)
    {
        if (message is T typed && (shouldHandle is null || shouldHandle(typed)))
        {
            cell.RunAsyncHandler(static s => s.Handler(s.Message), (Handler: handler, Message: typed));
            return true;
        }

        return false;
    }
}
