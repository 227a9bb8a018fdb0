namespace ActorEcho.Actors;

/// <summary>Actors that implement this get an <see cref="ITimerScheduler"/> whose timers die with the actor (and on restart).</summary>
public interface IWithTimers
{
    /// <summary>The actor's timers; set by the runtime.</summary>
    ITimerScheduler Timers { get; set; }
}
