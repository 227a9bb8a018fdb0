using ActorEcho.Actors.Dispatch;
using ActorEcho.Actors.Internal;

namespace ActorEcho.Actors;

/// <summary>Request/response with an actor from outside (or inside) the actor world.</summary>
public static class AskExtensions
{
    /// <summary>
    /// Sends <paramref name="message"/> with a temporary reply address and returns the first reply as <typeparamref name="T"/>.
    /// Fails with <see cref="AskTimeoutException"/> (naming the target and timeout) when no reply comes in <paramref name="timeout"/>
    /// (default: <c>actorecho.actor.ask-timeout</c>) or when the target is or becomes dead; a <see cref="Status.Failure"/> reply fails it with its cause.
    /// </summary>
    public static Task<T> Ask<T>(this IActorRef target, object message, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        if (message is null)
        {
            ThrowHelper.ThrowNullMessage();
        }

        return AskCore<T, object>(target, message, static (m, _) => m, timeout, cancellationToken);
    }

    /// <summary>Like <see cref="Ask{T}(IActorRef, object, TimeSpan?, CancellationToken)"/>, building the message from the reply address.</summary>
    public static Task<T> Ask<T>(this IActorRef target, Func<IActorRef, object> messageFactory, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messageFactory);
        return AskCore<T, Func<IActorRef, object>>(target, messageFactory, static (f, replyTo) => f(replyTo), timeout, cancellationToken);
    }

    private static Task<T> AskCore<T, TState>(IActorRef target, TState state, Func<TState, IActorRef, object> build, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (target is not LocalActorRef local)
        {
            return Task.FromException<T>(new AskTimeoutException($"Ask of {target.Path} failed: the target is not a live actor."));
        }

        if (local.IsTerminated)
        {
            return Task.FromException<T>(new AskTimeoutException($"Ask of {target.Path} failed: the target had already terminated."));
        }

        var system = local.Cell.System;
        var effectiveTimeout = timeout ?? system.Settings.AskTimeout;
        if (effectiveTimeout is { } t && t <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), t, "An ask timeout must be positive (or null for the configured default).");
        }

        var future = new FutureActorRef<T>(system.NextTempPath(), target, effectiveTimeout);
        future.Start(cancellationToken);
        local.SendSystemMessage(new Watch(local, future));
        var message = build(state, future) ?? throw new InvalidMessageException("The ask message factory returned null.");
        local.Tell(message, future);
        return future.Task;
    }
}
