namespace ActorEcho.Actors;

/// <summary>An actor's constructor or <c>PreStart</c> threw; the default supervisor stops such an actor instead of restarting it.</summary>
public class ActorInitializationException : Exception
{
    /// <summary>Creates the exception with a message.</summary>
    public ActorInitializationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    public ActorInitializationException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
