namespace ActorEcho.Actors.Scheduling;

/// <summary>A handle to scheduled work that can be cancelled.</summary>
public interface ICancelable
{
    /// <summary>True once <see cref="Cancel"/> was called.</summary>
    bool IsCancellationRequested { get; }

    /// <summary>Stops the work from running (again); harmless if it already ran or was cancelled.</summary>
    void Cancel();
}
