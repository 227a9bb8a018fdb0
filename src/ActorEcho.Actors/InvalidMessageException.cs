namespace ActorEcho.Actors;

/// <summary>A message is not acceptable, for example null.</summary>
public class InvalidMessageException : ArgumentException
{
    /// <summary>Creates the exception with a message.</summary>
    public InvalidMessageException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    public InvalidMessageException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
