namespace ActorEcho.Actors.Scheduling;

/// <summary>
/// The scheduler on top of <see cref="System.Threading.Timer"/>, whose per-core timer queues already give cheap insertion and
/// cancellation; a hashed wheel would add a ticking thread for no gain here. Nothing fires once the system has terminated.
/// </summary>
internal sealed class TimerBasedScheduler(ActorSystem system) : IScheduler
{
    public ICancelable ScheduleTellOnce(TimeSpan delay, IActorRef receiver, object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        ArgumentNullException.ThrowIfNull(message);
        return new ScheduledWork(system, delay, Timeout.InfiniteTimeSpan, () => receiver.Tell(message, sender));
    }

    public ICancelable ScheduleTellRepeatedly(TimeSpan initialDelay, TimeSpan interval, IActorRef receiver, object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        ArgumentNullException.ThrowIfNull(message);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        return new ScheduledWork(system, initialDelay, interval, () => receiver.Tell(message, sender));
    }

    public ICancelable ScheduleOnce(TimeSpan delay, Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return new ScheduledWork(system, delay, Timeout.InfiniteTimeSpan, action);
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The timer is disposed by Cancel, which also runs after a one-shot fires.")]
    private sealed class ScheduledWork : ICancelable
    {
        private readonly ActorSystem _system;
        private readonly Action _action;
        private readonly Timer _timer;
        private readonly bool _repeated;
        private int _cancelled;

        public ScheduledWork(ActorSystem system, TimeSpan delay, TimeSpan interval, Action action)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
            _system = system;
            _action = action;
            _repeated = interval != Timeout.InfiniteTimeSpan;
            _timer = new Timer(static s => ((ScheduledWork)s!).Fire(), this, Timeout.Infinite, Timeout.Infinite);
            _timer.Change(delay, interval);
        }

        public bool IsCancellationRequested => Volatile.Read(ref _cancelled) != 0;

        public void Cancel()
        {
            if (Interlocked.Exchange(ref _cancelled, 1) == 0)
            {
                _timer.Dispose();
            }
        }

        private void Fire()
        {
            if (IsCancellationRequested)
            {
                return;
            }

            if (_system.IsTerminated)
            {
                Cancel();
                return;
            }

            if (!_repeated)
            {
                Cancel();
            }

            _action();
        }
    }
}
