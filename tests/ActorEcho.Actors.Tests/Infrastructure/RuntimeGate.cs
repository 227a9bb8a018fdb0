namespace ActorEcho.Actors.Tests.Infrastructure.Runtime;

/// <summary>
/// A gate the test controls: an actor that handles <see cref="Block"/> signals <see cref="Entered"/> and then blocks its
/// thread (inside the handler, so its mailbox cannot advance) until the test calls <see cref="Open"/>. Bounded at 5 s so a
/// broken test can never hang the run.
/// </summary>
public sealed class Gate
{
    private static readonly TimeSpan s_maxBlock = TimeSpan.FromSeconds(5);
    private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when an actor is blocked on the gate.</summary>
    public Task Entered => _entered.Task;

    /// <summary>Waits (bounded) until an actor is blocked on the gate.</summary>
    public Task WaitEnteredAsync() => _entered.Task.WaitAsync(TimeSpan.FromSeconds(3));

    /// <summary>Lets the blocked actor continue.</summary>
    public void Open() => _released.TrySetResult();

    /// <summary>Called by an actor inside a handler.</summary>
    public void BlockHere()
    {
        _entered.TrySetResult();
        if (!_released.Task.Wait(s_maxBlock))
        {
            throw new TimeoutException("The test never opened the gate.");
        }
    }
}

/// <summary>Makes the receiving actor block on <see cref="Gate"/>.</summary>
public sealed record Block(Gate Gate);
