namespace ActorEcho.Cli;

/// <summary>
/// How start-up went, shared by <see cref="EchoServerHostedService"/> and <see cref="ServeRunner"/>. A user error is recorded here
/// instead of thrown from <c>StartAsync</c>, which the Generic Host would log with a stack trace ("Hosting failed to start").
/// </summary>
internal sealed class ServeOutcome
{
    private StartupFailure? _failure;

    /// <summary>The start-up failure, or null when the server is listening (or start-up was interrupted by a signal).</summary>
    public StartupFailure? Failure => Volatile.Read(ref _failure);

    /// <summary>Records the first failure.</summary>
    public void Fail(StartupFailure failure) => Interlocked.CompareExchange(ref _failure, failure, null);
}
