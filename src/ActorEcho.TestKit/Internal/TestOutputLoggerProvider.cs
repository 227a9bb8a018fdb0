using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace ActorEcho.TestKit.Internal;

/// <summary>Writes log entries to xunit's per-test output, so a failing test shows what the actors logged.</summary>
internal sealed class TestOutputLoggerProvider(ITestOutputHelper output) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new OutputLogger(output, categoryName);

    public void Dispose()
    {
    }

    private sealed class OutputLogger(ITestOutputHelper output, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            try
            {
                output.WriteLine($"[{DateTime.UtcNow:HH:mm:ss.fff}] [{logLevel}] [{category}] {formatter(state, exception)}{(exception is null ? string.Empty : Environment.NewLine + exception)}");
            }
            catch (InvalidOperationException)
            {
                // xunit refuses output once its test has finished; late log lines from stopping actors are dropped.
            }
        }
    }
}
