using System.Diagnostics;

namespace ActorEcho.IO.Internal;

/// <summary>
/// The register timeouts of every connection of one actor system on one timer, instead of a timer per connection (about 300 bytes of
/// garbage and a finalizable timer each). All connections wait the same <c>register-timeout</c>, so deadlines arrive in the order
/// connections start: a tick, every quarter of the timeout while any wait, tells the due connections that are still unregistered
/// <see cref="RegisterTimedOut"/>; registered ones are just dropped. A timeout fires up to a quarter of it late.
/// </summary>
internal sealed class RegisterTimeouts : IDisposable
{
    private readonly Queue<Entry> _pending = new();
    private readonly long _timeoutTicks;
    private readonly TimeSpan _period;
    private readonly Timer _timer;
    private bool _ticking;
    private bool _disposed;

    public RegisterTimeouts(TimeSpan timeout)
    {
        _timeoutTicks = (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        _period = TimeSpan.FromTicks(Math.Max(timeout.Ticks / 4, TimeSpan.FromMilliseconds(10).Ticks));
        _timer = new Timer(static s => ((RegisterTimeouts)s!).Tick(), this, Timeout.Infinite, Timeout.Infinite);
    }

    /// <summary>Starts the wait of <paramref name="connection"/> (its actor <paramref name="self"/>); it ends when it registers.</summary>
    public void Add(IActorRef self, IRegistration connection)
    {
        lock (_pending)
        {
            if (_disposed)
            {
                return;
            }

            _pending.Enqueue(new Entry(Stopwatch.GetTimestamp() + _timeoutTicks, self, connection));
            if (!_ticking)
            {
                _ticking = true;
                _timer.Change(_period, _period);
            }
        }
    }

    public void Dispose()
    {
        lock (_pending)
        {
            _disposed = true;
            _pending.Clear();
        }

        _timer.Dispose();
    }

    private void Tick()
    {
        var now = Stopwatch.GetTimestamp();
        lock (_pending)
        {
            while (_pending.TryPeek(out var entry) && entry.Deadline <= now)
            {
                _pending.Dequeue();
                if (entry.Connection.AwaitsRegister)
                {
                    entry.Self.Tell(RegisterTimedOut.Instance, entry.Self); // from a timer thread: never runs the actor here
                }
            }

            if (_pending.Count == 0 && _ticking && !_disposed)
            {
                _ticking = false;
                _timer.Change(Timeout.Infinite, Timeout.Infinite);
            }
        }
    }

    /// <summary>What the timer needs to know of a connection: whether it still waits for its Register (read from the timer thread).</summary>
    internal interface IRegistration
    {
        bool AwaitsRegister { get; }
    }

    private readonly record struct Entry(long Deadline, IActorRef Self, IRegistration Connection);
}

/// <summary>Told to a connection whose register timeout passed while it was still unregistered.</summary>
internal sealed class RegisterTimedOut : IDeadLetterSuppression
{
    public static RegisterTimedOut Instance { get; } = new();
}
