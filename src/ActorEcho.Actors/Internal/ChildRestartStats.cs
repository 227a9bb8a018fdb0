using System.Diagnostics;

namespace ActorEcho.Actors.Internal;

/// <summary>A child's restart count against its supervisor's limits; created on the first restart request, owned by the parent.</summary>
internal sealed class ChildRestartStats
{
    private int _restartCount;
    private long _windowStart;

    /// <summary>
    /// Counts a restart: -1 retries means unlimited, 0 means never; with a window the count restarts once the window since the first
    /// counted restart has passed.
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
