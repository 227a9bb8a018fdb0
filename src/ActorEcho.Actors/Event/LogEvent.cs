using Microsoft.Extensions.Logging;

namespace ActorEcho.Actors.Event;

/// <summary>
/// A log entry written through an actor system's loggers, published on the event stream while anyone subscribes to it
/// (the TestKit's event filters do), in addition to going to the host's logging providers.
/// </summary>
public sealed class LogEvent(LogLevel level, string source, string category, string message, Exception? exception)
{
    /// <summary>Severity.</summary>
    public LogLevel Level { get; } = level;

    /// <summary>The actor path (or component) that logged it.</summary>
    public string Source { get; } = source;

    /// <summary>The logger category.</summary>
    public string Category { get; } = category;

    /// <summary>The formatted message.</summary>
    public string Message { get; } = message;

    /// <summary>The exception logged with it, if any.</summary>
    public Exception? Exception { get; } = exception;

    /// <summary>When it was logged (UTC).</summary>
    public DateTime Timestamp { get; } = DateTime.UtcNow;

    /// <inheritdoc />
    public override string ToString() => $"[{Level}] [{Source}] {Message}{(Exception is null ? string.Empty : " " + Exception.GetType().Name)}";
}
