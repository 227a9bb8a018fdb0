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
        private readonly object _gate = new();
        private bool _cancelled;

        public ScheduledWork(ActorSystem system, TimeSpan delay, TimeSpan interval, Action action)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
            _system = system;
            _action = action;
            _repeated = interval != Timeout.InfiniteTimeSpan;
            _timer = new Timer(static s => ((ScheduledWork)s!).Fire(), this, Timeout.Infinite, Timeout.Infinite);
            _timer.Change(delay, interval);
        }

        public bool IsCancellationRequested
        {
            get
            {
                lock (_gate)
                {
                    return _cancelled;
                }
            }
        }

        /// <summary>
        /// After Cancel returns no delivery starts: firing and cancelling share a lock, so a tell in progress finishes before Cancel
        /// does. (A message sent just before may still be in the receiver's mailbox.)
        /// </summary>
        public void Cancel()
        {
            lock (_gate)
            {
                if (_cancelled)
                {
                    return;
                }

                _cancelled = true;
            }

            _timer.Dispose();
        }

        private void Fire()
        {
            lock (_gate)
            {
                if (_cancelled)
                {
                    return;
                }

                if (_system.IsTerminated || !_repeated)
                {
                    _cancelled = true;
                    _timer.Dispose();
                    if (!_repeated && !_system.IsTerminated)
                    {
                        _action();
                    }

                    return;
                }

                _action();
            }
        }
    }
}
