namespace ActorEcho.TestKit;

/// <summary>An expectation failed: the message says what was expected, what arrived instead (or that nothing did), and when.</summary>
public sealed class TestKitAssertionException : Exception
{
    /// <summary>Creates the failure.</summary>
    public TestKitAssertionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the failure with the assertion that failed last (for AwaitAssert).</summary>
    public TestKitAssertionException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
