namespace ActorEcho.Actors;

/// <summary>
/// Keyed timers that send a message to the owning actor. Starting a timer with a key in use replaces the old one, and a
/// cancelled or replaced timer's message is never delivered, even if it was already queued.
/// </summary>
public interface ITimerScheduler
{
    /// <summary>Sends <paramref name="message"/> once after <paramref name="timeout"/>.</summary>
    void StartSingleTimer(object key, object message, TimeSpan timeout);

    /// <summary>Sends <paramref name="message"/> every <paramref name="interval"/>.</summary>
    void StartPeriodicTimer(object key, object message, TimeSpan interval);

    /// <summary>Sends <paramref name="message"/> after <paramref name="initialDelay"/> and then every <paramref name="interval"/>.</summary>
    void StartPeriodicTimer(object key, object message, TimeSpan initialDelay, TimeSpan interval);

    /// <summary>True while a timer with <paramref name="key"/> is active.</summary>
    bool IsTimerActive(object key);

    /// <summary>Cancels the timer with <paramref name="key"/>, if any.</summary>
    void Cancel(object key);

    /// <summary>Cancels every timer of the actor.</summary>
    void CancelAll();
}
