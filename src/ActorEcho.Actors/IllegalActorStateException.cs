namespace ActorEcho.Actors;

/// <summary>An operation is not allowed in the actor's or system's current state (creating children of a stopped actor, stashing twice).</summary>
public class IllegalActorStateException : InvalidOperationException
{
    /// <summary>Creates the exception with a message.</summary>
    public IllegalActorStateException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    public IllegalActorStateException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
