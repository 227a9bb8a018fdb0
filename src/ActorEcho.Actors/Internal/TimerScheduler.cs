namespace ActorEcho.Actors.Internal;

/// <summary>
/// An actor's keyed timers on top of <see cref="System.Threading.Timer"/>. Start/cancel run on the actor's turn; the timer
/// callback only tells the actor, and the generation check in <see cref="Accept"/> drops messages of timers that were cancelled
/// or replaced after firing.
/// </summary>
internal sealed class TimerScheduler(ActorCell cell) : ITimerScheduler
{
    private readonly Dictionary<object, Entry> _timers = [];
    private int _generation;

    public void StartSingleTimer(object key, object message, TimeSpan timeout) => Start(key, message, timeout, Timeout.InfiniteTimeSpan);

    public void StartPeriodicTimer(object key, object message, TimeSpan interval) => Start(key, message, interval, interval);

    public void StartPeriodicTimer(object key, object message, TimeSpan initialDelay, TimeSpan interval) => Start(key, message, initialDelay, interval);

    public bool IsTimerActive(object key) => _timers.ContainsKey(key);

    public void Cancel(object key)
    {
        if (_timers.Remove(key, out var entry))
        {
            entry.Timer.Dispose();
        }
    }

    public void CancelAll()
    {
        foreach (var entry in _timers.Values)
        {
            entry.Timer.Dispose();
        }

        _timers.Clear();
    }

    /// <summary>True if <paramref name="message"/> comes from a timer that is still current; a single timer is then done.</summary>
    public bool Accept(TimerMessage message)
    {
        if (!ReferenceEquals(message.Owner, this) || !_timers.TryGetValue(message.Key, out var entry) || entry.Generation != message.Generation)
        {
            return false;
        }

        if (!entry.Periodic)
        {
            _timers.Remove(message.Key);
            entry.Timer.Dispose();
        }

        return true;
    }

    private void Start(object key, object message, TimeSpan initialDelay, TimeSpan interval)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(message);
        ArgumentOutOfRangeException.ThrowIfLessThan(initialDelay, TimeSpan.Zero);
        Cancel(key);
        var periodic = interval != Timeout.InfiniteTimeSpan;
        if (periodic && interval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(interval), interval, "A periodic timer needs a positive interval.");
        }

        var tagged = new TimerMessage(key, ++_generation, message, this);
        var timer = new Timer(static s => ((TimerMessage)s!).Owner.Fire((TimerMessage)s!), tagged, Timeout.Infinite, Timeout.Infinite);
        _timers[key] = new Entry(timer, tagged.Generation, periodic);
        timer.Change(initialDelay, interval);
    }

    private void Fire(TimerMessage message) => cell.Self.Tell(message, null);

    private readonly record struct Entry(Timer Timer, int Generation, bool Periodic);
}
