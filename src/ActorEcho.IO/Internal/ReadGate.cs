namespace ActorEcho.IO.Internal;

/// <summary>
/// Lets the connection actor pause and resume its read loop without touching it: push mode reads while open, pull mode reads
/// once per <see cref="Grant"/>. The loop waits only when closed; the open path is an uncontended lock and no allocation. It locks
/// itself (it is internal, so nobody else can), which saves every connection a lock object.
/// <see cref="Stop"/> opens it for good, so a waiting loop goes on, sees <see cref="IsStopped"/> and ends.
/// </summary>
/// <remarks>
/// Data already read when reading is suspended is still delivered (unlike Akka.NET 1.5, which could drop it): suspension only
/// stops the next read.
/// </remarks>
internal sealed class ReadGate(bool pullMode)
{
    private readonly bool _pullMode = pullMode;
    private bool _suspended;
    private bool _stopped;
    private int _credits;
    private TaskCompletionSource? _waiter;

    /// <summary>True once <see cref="Stop"/> was called: the loop must not deliver what it reads any more.</summary>
    public bool IsStopped => Volatile.Read(ref _stopped);

    /// <summary>Push mode: stop reading after the chunk in flight. Returns false if reading was already suspended.</summary>
    public bool Suspend()
    {
        lock (this)
        {
            var wasOpen = !_suspended;
            _suspended = true;
            return wasOpen;
        }
    }

    /// <summary>Push mode: resume reading. Pull mode: allow one more read.</summary>
    public void Grant()
    {
        TaskCompletionSource? waiter;
        lock (this)
        {
            if (_pullMode)
            {
                _credits++;
            }
            else
            {
                _suspended = false;
            }

            waiter = _waiter;
            _waiter = null;
        }

        waiter?.TrySetResult();
    }

    /// <summary>The read loop is being stopped: releases a waiting loop and lets every later wait through.</summary>
    public void Stop()
    {
        TaskCompletionSource? waiter;
        lock (this)
        {
            _stopped = true;
            waiter = _waiter;
            _waiter = null;
        }

        waiter?.TrySetResult();
    }

    /// <summary>Completes when the loop may read (or is stopped); takes a pull-mode credit.</summary>
    public ValueTask WaitAsync()
    {
        lock (this)
        {
            if (_stopped)
            {
                return ValueTask.CompletedTask;
            }

            if (_pullMode ? _credits > 0 : !_suspended)
            {
                if (_pullMode)
                {
                    _credits--;
                }

                return ValueTask.CompletedTask;
            }

            _waiter ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return new ValueTask(WaitSlowAsync(_waiter.Task));
        }
    }

    private async Task WaitSlowAsync(Task signal)
    {
        await signal.ConfigureAwait(false);
        await WaitAsync().ConfigureAwait(false);
    }
}
