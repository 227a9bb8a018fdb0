namespace ActorEcho.Actors;

/// <summary>An actor name is empty, uses a reserved prefix or a character outside the allowed set, or is already taken by a sibling.</summary>
public class InvalidActorNameException : ArgumentException
{
    /// <summary>Creates the exception with a message.</summary>
    public InvalidActorNameException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    public InvalidActorNameException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
