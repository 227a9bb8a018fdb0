using System.Diagnostics;

namespace ActorEcho.Actors.Internal;

/// <summary>A parent's record of one child: its reference, whether it is stopping, and its restart statistics.</summary>
internal sealed class ChildEntry(LocalActorRef actorRef)
{
    private int _restartCount;
    private long _windowStart;

    public LocalActorRef Ref { get; } = actorRef;

    /// <summary>Set once the parent asked the child to stop; the name stays reserved until the child's termination arrives.</summary>
    public bool Stopping { get; set; }

    /// <summary>
    /// Counts a restart against the strategy's limits: -1 retries means unlimited, 0 means never; with a window the count resets once the
    /// window since the first counted restart has passed.
    /// </summary>
    public bool RequestRestartPermission(int maxNrOfRetries, TimeSpan? window)
    {
        if (maxNrOfRetries == 0)
        {
            return false;
        }

        if (window is null)
        {
            return maxNrOfRetries < 0 || ++_restartCount <= maxNrOfRetries;
        }

        if (maxNrOfRetries < 0)
        {
            return true;
        }

        var now = Stopwatch.GetTimestamp();
        if (_restartCount == 0 || Stopwatch.GetElapsedTime(_windowStart, now) > window.Value)
        {
            _windowStart = now;
            _restartCount = 1;
            return true;
        }

        return ++_restartCount <= maxNrOfRetries;
    }
}
