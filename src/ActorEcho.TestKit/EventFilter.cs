using ActorEcho.TestKit.Internal;

namespace ActorEcho.TestKit;

/// <summary>
/// Expects a number of matching events (log entries or dead letters) while an action runs: subscribes before the action,
/// waits up to <c>actorecho.test.filter-leeway</c> (dilated) after it for the count, and fails on fewer or more.
/// </summary>
public sealed class EventFilter
{
    private readonly TestKitBase _kit;
    private readonly Type _channel;
    private readonly Func<object, bool> _matches;
    private readonly string _description;

    internal EventFilter(TestKitBase kit, Type channel, Func<object, bool> matches, string description)
    {
        _kit = kit;
        _channel = channel;
        _matches = matches;
        _description = description;
    }

    /// <summary>Runs <paramref name="action"/> and expects exactly one matching event.</summary>
    public Task ExpectOneAsync(Func<Task> action) => ExpectAsync(1, action);

    /// <summary>Runs <paramref name="action"/> and expects exactly one matching event.</summary>
    public Task ExpectOneAsync(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return ExpectAsync(1, () =>
        {
            action();
            return Task.CompletedTask;
        });
    }

    /// <summary>Runs <paramref name="action"/> and expects exactly <paramref name="count"/> matching events.</summary>
    public async Task ExpectAsync(int count, Func<Task> action, TimeSpan? leeway = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentNullException.ThrowIfNull(action);
        var matched = 0;
        var matches = _matches;
        var collector = new CallbackActorRef(_kit.Sys.NextTempPath(), e =>
        {
            if (matches(e))
            {
                Interlocked.Increment(ref matched);
            }
        });
        _kit.Sys.EventStream.Subscribe(collector, _channel);
        try
        {
            await action().ConfigureAwait(false);
            var wait = _kit.Dilated(leeway ?? _kit.TestKitSettings.FilterLeeway);
            try
            {
                await _kit.AwaitConditionAsync(() => Volatile.Read(ref matched) >= count, wait, TimeSpan.FromMilliseconds(10)).ConfigureAwait(false);
            }
            catch (TestKitAssertionException)
            {
                throw new TestKitAssertionException($"Expected {count} event(s) matching {_description} within {TestKitBase.Ms(wait)}, but got {Volatile.Read(ref matched)}.");
            }

            // Linger briefly so that one event too many, logged just after the expected ones, is still counted.
            await Task.Delay(_kit.Dilated(_kit.TestKitSettings.ExpectNoMessageDefault)).ConfigureAwait(false);

            var final = Volatile.Read(ref matched);
            if (final != count)
            {
                throw new TestKitAssertionException($"Expected {count} event(s) matching {_description}, but got {final}.");
            }
        }
        finally
        {
            _kit.Sys.EventStream.Unsubscribe(collector);
        }
    }
}
