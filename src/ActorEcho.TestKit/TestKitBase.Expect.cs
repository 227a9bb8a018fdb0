using System.Diagnostics;

namespace ActorEcho.TestKit;

public abstract partial class TestKitBase
{
    /// <summary>Expects the next message to be a <typeparamref name="T"/> and returns it.</summary>
    public Task<T> ExpectMsgAsync<T>(TimeSpan? timeout = null, string? hint = null, CancellationToken cancellationToken = default) =>
        ExpectMsgAsync<T>(static _ => true, timeout, hint, cancellationToken);

    /// <summary>Expects the next message to be a <typeparamref name="T"/> that satisfies <paramref name="predicate"/>.</summary>
    public async Task<T> ExpectMsgAsync<T>(Predicate<T> predicate, TimeSpan? timeout = null, string? hint = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        var wait = ResolveTimeout(timeout);
        var started = Stopwatch.GetTimestamp();
        var received = await ReceiveCoreAsync(wait, cancellationToken).ConfigureAwait(false);
        if (received is null)
        {
            throw Failure($"Expected a message of type {typeof(T).Name}{Hint(hint)} within {Ms(wait)}, but no message arrived.", started);
        }

        if (received.Message is not T typed)
        {
            throw Failure($"Expected a message of type {typeof(T).Name}{Hint(hint)}, but received {Describe(received)}.", started);
        }

        if (!predicate(typed))
        {
            throw Failure($"Expected a message of type {typeof(T).Name} matching the predicate{Hint(hint)}, but received {Describe(received)}.", started);
        }

        return typed;
    }

    /// <summary>Expects the next message to equal <paramref name="expected"/> (by <see cref="object.Equals(object)"/>).</summary>
    public async Task<T> ExpectMsgAsync<T>(T expected, TimeSpan? timeout = null, string? hint = null, CancellationToken cancellationToken = default)
        where T : notnull
    {
        var wait = ResolveTimeout(timeout);
        var started = Stopwatch.GetTimestamp();
        var received = await ReceiveCoreAsync(wait, cancellationToken).ConfigureAwait(false);
        if (received is null)
        {
            throw Failure($"Expected {Describe(expected)}{Hint(hint)} within {Ms(wait)}, but no message arrived.", started);
        }

        if (!Equals(received.Message, expected))
        {
            throw Failure($"Expected {Describe(expected)}{Hint(hint)}, but received {Describe(received)}.", started);
        }

        return (T)received.Message;
    }

    /// <summary>Expects the next message to be a <typeparamref name="T"/> sent by <paramref name="sender"/>.</summary>
    public async Task<T> ExpectMsgFromAsync<T>(IActorRef sender, TimeSpan? timeout = null, string? hint = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sender);
        var started = Stopwatch.GetTimestamp();
        var message = await ExpectMsgAsync<T>(timeout, hint, cancellationToken).ConfigureAwait(false);
        if (!LastSender.Equals(sender))
        {
            throw Failure($"Expected {typeof(T).Name} from {sender.Path}{Hint(hint)}, but it came from {LastSender.Path}.", started);
        }

        return message;
    }

    /// <summary>Expects no message for <paramref name="duration"/> (default <c>expect-no-message-default</c>, dilated).</summary>
    public async Task ExpectNoMsgAsync(TimeSpan? duration = null, CancellationToken cancellationToken = default)
    {
        var wait = duration is { } d ? Dilated(d) : Dilated(TestKitSettings.ExpectNoMessageDefault);
        var started = Stopwatch.GetTimestamp();
        var received = await ReceiveCoreAsync(wait, cancellationToken).ConfigureAwait(false);
        if (received is not null)
        {
            throw Failure($"Expected no message for {Ms(wait)}, but received {Describe(received)}.", started);
        }
    }

    /// <summary>Expects exactly these messages next, in any order; returns them in arrival order.</summary>
    public async Task<IReadOnlyList<T>> ExpectMsgAllOfAsync<T>(IEnumerable<T> messages, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
        where T : notnull
    {
        ArgumentNullException.ThrowIfNull(messages);
        var missing = messages.Cast<object>().ToList();
        var wait = ResolveTimeout(timeout);
        var started = Stopwatch.GetTimestamp();
        var deadline = started + (long)(wait.TotalSeconds * Stopwatch.Frequency);
        var received = new List<T>(missing.Count);
        while (missing.Count > 0)
        {
            var next = await ReceiveCoreAsync(Left(deadline), cancellationToken).ConfigureAwait(false);
            if (next is null)
            {
                throw Failure($"Expected all of [{string.Join(", ", missing.Select(Describe))}] within {Ms(wait)}, but they did not arrive (got {received.Count} of them).", started);
            }

            var index = missing.FindIndex(m => Equals(m, next.Message));
            if (index < 0)
            {
                throw Failure($"Expected one of [{string.Join(", ", missing.Select(Describe))}], but received {Describe(next)}.", started);
            }

            missing.RemoveAt(index);
            received.Add((T)next.Message);
        }

        return received;
    }

    /// <summary>Expects the next message to equal one of <paramref name="messages"/>; returns it.</summary>
    public async Task<T> ExpectMsgAnyOfAsync<T>(IEnumerable<T> messages, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
        where T : notnull
    {
        ArgumentNullException.ThrowIfNull(messages);
        var candidates = messages.ToList();
        var wait = ResolveTimeout(timeout);
        var started = Stopwatch.GetTimestamp();
        var next = await ReceiveCoreAsync(wait, cancellationToken).ConfigureAwait(false);
        if (next is null)
        {
            throw Failure($"Expected any of [{string.Join(", ", candidates.Select(m => Describe(m)))}] within {Ms(wait)}, but no message arrived.", started);
        }

        foreach (var candidate in candidates)
        {
            if (Equals(candidate, next.Message))
            {
                return candidate;
            }
        }

        throw Failure($"Expected any of [{string.Join(", ", candidates.Select(m => Describe(m)))}], but received {Describe(next)}.", started);
    }

    /// <summary>Skips messages until one is a <typeparamref name="T"/> matching <paramref name="isMessage"/>; fails if none does in time.</summary>
    public async Task<T> FishForMessageAsync<T>(Predicate<T> isMessage, TimeSpan? max = null, string? hint = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(isMessage);
        var wait = ResolveTimeout(max);
        var started = Stopwatch.GetTimestamp();
        var deadline = started + (long)(wait.TotalSeconds * Stopwatch.Frequency);
        var skipped = 0;
        while (true)
        {
            var next = await ReceiveCoreAsync(Left(deadline), cancellationToken).ConfigureAwait(false);
            if (next is null)
            {
                throw Failure($"Fished for a {typeof(T).Name}{Hint(hint)} for {Ms(wait)} and skipped {skipped} other message(s), but none matched.", started);
            }

            if (next.Message is T typed && isMessage(typed))
            {
                return typed;
            }

            skipped++;
        }
    }

    /// <summary>Takes the next <paramref name="count"/> messages, whatever they are.</summary>
    public async Task<IReadOnlyList<object>> ReceiveNAsync(int count, TimeSpan? max = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var wait = ResolveTimeout(max);
        var started = Stopwatch.GetTimestamp();
        var deadline = started + (long)(wait.TotalSeconds * Stopwatch.Frequency);
        var messages = new List<object>(count);
        while (messages.Count < count)
        {
            var next = await ReceiveCoreAsync(Left(deadline), cancellationToken).ConfigureAwait(false)
                ?? throw Failure($"Expected {count} messages within {Ms(wait)}, but received only {messages.Count}.", started);
            messages.Add(next.Message);
        }

        return messages;
    }

    /// <summary>Expects <see cref="Terminated"/> for <paramref name="actor"/> (watch it first with <see cref="WatchAsync"/>).</summary>
    public Task<Terminated> ExpectTerminatedAsync(IActorRef actor, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return ExpectMsgAsync<Terminated>(t => t.ActorRef.Equals(actor), timeout, $"for {actor.Path}", cancellationToken);
    }

    /// <summary>
    /// Retries <paramref name="assertion"/> every <paramref name="interval"/> (default 100 ms) until it stops throwing, or fails with its last
    /// exception after <paramref name="duration"/> (default: the remaining Within time or <c>default-timeout</c>, dilated).
    /// </summary>
    public Task AwaitAssertAsync(Action assertion, TimeSpan? duration = null, TimeSpan? interval = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(assertion);
        return AwaitAssertAsync(() =>
        {
            assertion();
            return Task.CompletedTask;
        }, duration, interval, cancellationToken);
    }

    /// <summary>Async form of <see cref="AwaitAssertAsync(Action, TimeSpan?, TimeSpan?, CancellationToken)"/>.</summary>
    public async Task AwaitAssertAsync(Func<Task> assertion, TimeSpan? duration = null, TimeSpan? interval = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(assertion);
        var wait = duration is { } d ? Dilated(d) : (_withinDeadlines.Count > 0 ? Remaining : Dilated(TestKitSettings.DefaultTimeout));
        var pause = interval ?? TimeSpan.FromMilliseconds(100);
        var started = Stopwatch.GetTimestamp();
        var deadline = started + (long)(wait.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            try
            {
                await assertion().ConfigureAwait(false);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                var left = Left(deadline);
                if (left <= TimeSpan.Zero)
                {
                    throw new TestKitAssertionException($"Assertion still failing after {Ms(Stopwatch.GetElapsedTime(started))}: {ex.Message}", ex);
                }

                await Task.Delay(left < pause ? left : pause, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Polls <paramref name="condition"/> until it is true, or fails after <paramref name="max"/> (dilated) with <paramref name="message"/>.</summary>
    public async Task AwaitConditionAsync(Func<bool> condition, TimeSpan? max = null, TimeSpan? interval = null, string? message = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var wait = max is { } m ? Dilated(m) : (_withinDeadlines.Count > 0 ? Remaining : Dilated(TestKitSettings.DefaultTimeout));
        var pause = interval ?? TimeSpan.FromMilliseconds(Math.Clamp(wait.TotalMilliseconds / 10, 1, 100));
        var started = Stopwatch.GetTimestamp();
        var deadline = started + (long)(wait.TotalSeconds * Stopwatch.Frequency);
        while (!condition())
        {
            var left = Left(deadline);
            if (left <= TimeSpan.Zero)
            {
                throw new TestKitAssertionException($"Condition {message ?? "was"} still false after {Ms(Stopwatch.GetElapsedTime(started))} (timeout {Ms(wait)}).");
            }

            await Task.Delay(left < pause ? left : pause, cancellationToken).ConfigureAwait(false);
        }
    }

    private static TimeSpan Left(long deadline)
    {
        var left = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), deadline);
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }

    private static string Hint(string? hint) => hint is null ? string.Empty : $" ({hint})";

    private static TestKitAssertionException Failure(string what, long started) =>
        new($"{what} [after {Ms(Stopwatch.GetElapsedTime(started))}]");
}
