namespace ActorEcho.IO.Tests.Reliability;

/// <summary>A monotonic counter that one side advances and the other awaits (bounded): lets a client keep a fixed window in flight.</summary>
public sealed class ProgressGate
{
    private readonly object _lock = new();
    private readonly List<(long Target, TaskCompletionSource Signal)> _waiters = [];
    private long _value;

    /// <summary>Raises the counter to <paramref name="value"/> and wakes the waiters it satisfies.</summary>
    public void Advance(long value)
    {
        List<TaskCompletionSource> ready = [];
        lock (_lock)
        {
            _value = Math.Max(_value, value);
            _waiters.RemoveAll(w =>
            {
                if (w.Target > _value)
                {
                    return false;
                }

                ready.Add(w.Signal);
                return true;
            });
        }

        ready.ForEach(s => s.TrySetResult());
    }

    /// <summary>Completes once the counter reaches <paramref name="target"/>; throws <see cref="TimeoutException"/> after <paramref name="timeout"/>.</summary>
    public async Task WaitForAsync(long target, TimeSpan timeout)
    {
        TaskCompletionSource signal;
        lock (_lock)
        {
            if (_value >= target)
            {
                return;
            }

            signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((target, signal));
        }

        try
        {
            await signal.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The counter stayed at {Volatile.Read(ref _value)} below {target} for {timeout}.");
        }
    }
}
