namespace ActorEcho.Actors;

/// <summary>Raised inside an actor that received <see cref="Kill"/>; the default supervisor stops it.</summary>
public class ActorKilledException : Exception
{
    /// <summary>Creates the exception with a message.</summary>
    public ActorKilledException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    public ActorKilledException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
