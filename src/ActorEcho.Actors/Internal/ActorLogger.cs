using ActorEcho.Actors.Event;
using Microsoft.Extensions.Logging;

namespace ActorEcho.Actors.Internal;

/// <summary>
/// The logger actors get from <c>Context.GetLogger()</c>: writes to the host's logging providers and, while anyone subscribes
/// to <see cref="LogEvent"/> (the TestKit's event filters), publishes each entry on the event stream too.
/// </summary>
internal sealed class ActorLogger(ActorSystem system, string source, string category, ILogger inner) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => inner.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) =>
        logLevel != LogLevel.None && logLevel >= system.Settings.LogLevel && (inner.IsEnabled(logLevel) || system.EventStream.HasSubscribers(typeof(LogEvent)));

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (logLevel < system.Settings.LogLevel)
        {
            return;
        }

        if (inner.IsEnabled(logLevel))
        {
            inner.Log(logLevel, eventId, state, exception, formatter);
        }

        if (logLevel != LogLevel.None && system.EventStream.HasSubscribers(typeof(LogEvent)))
        {
            system.EventStream.Publish(new LogEvent(logLevel, source, category, formatter(state, exception), exception));
        }
    }
}
