namespace ActorEcho.Actors.Scheduling;

/// <summary>
/// Sends messages or runs actions later, off the actor's turn. For timers tied to an actor's life, prefer
/// <see cref="IWithTimers"/>: they are cancelled on restart and stop.
/// </summary>
public interface IScheduler
{
    /// <summary>Tells <paramref name="receiver"/> <paramref name="message"/> once, after <paramref name="delay"/>.</summary>
    ICancelable ScheduleTellOnce(TimeSpan delay, IActorRef receiver, object message, IActorRef? sender);

    /// <summary>Tells <paramref name="receiver"/> <paramref name="message"/> after <paramref name="initialDelay"/>, then every <paramref name="interval"/>.</summary>
    ICancelable ScheduleTellRepeatedly(TimeSpan initialDelay, TimeSpan interval, IActorRef receiver, object message, IActorRef? sender);

    /// <summary>Runs <paramref name="action"/> once on the thread pool after <paramref name="delay"/>; must not touch actor state.</summary>
    ICancelable ScheduleOnce(TimeSpan delay, Action action);
}
