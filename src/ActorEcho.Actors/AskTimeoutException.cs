namespace ActorEcho.Actors;

/// <summary>An ask got no reply in time, or its target was dead or died before replying.</summary>
public sealed class AskTimeoutException : TimeoutException
{
    /// <summary>Creates the exception with a message that names the target and the timeout.</summary>
    public AskTimeoutException(string message)
        : base(message)
    {
    }
}
