using ActorEcho.Actors.Event;
using Microsoft.Extensions.Logging;

namespace ActorEcho.TestKit;

/// <summary>
/// Builds <see cref="EventFilter"/>s that assert on what the actor system logs (level, exception type, message text, source)
/// or sends to dead letters, e.g. <c>await EventFilter.Exception&lt;InvalidOperationException&gt;().ExpectOneAsync(() => ...)</c>.
/// </summary>
public sealed class EventFilterFactory
{
    private readonly TestKitBase _kit;

    internal EventFilterFactory(TestKitBase kit) => _kit = kit;

    /// <summary>Matches log entries carrying an exception of type <typeparamref name="TException"/> (or derived).</summary>
    public EventFilter Exception<TException>(string? message = null, string? contains = null, string? source = null)
        where TException : Exception =>
        Log(null, typeof(TException), message, contains, source);

    /// <summary>Matches Error (and Critical) log entries.</summary>
    public EventFilter Error(string? message = null, string? contains = null, string? source = null) => Log(LogLevel.Error, null, message, contains, source);

    /// <summary>Matches Warning log entries.</summary>
    public EventFilter Warning(string? message = null, string? contains = null, string? source = null) => Log(LogLevel.Warning, null, message, contains, source);

    /// <summary>Matches Information log entries.</summary>
    public EventFilter Info(string? message = null, string? contains = null, string? source = null) => Log(LogLevel.Information, null, message, contains, source);

    /// <summary>Matches Debug log entries.</summary>
    public EventFilter Debug(string? message = null, string? contains = null, string? source = null) => Log(LogLevel.Debug, null, message, contains, source);

    /// <summary>Matches dead letters whose message is a <typeparamref name="TMessage"/>.</summary>
    public EventFilter DeadLetter<TMessage>() =>
        new(_kit, typeof(DeadLetter), e => e is DeadLetter d && d.Message is TMessage, $"dead letter of {typeof(TMessage).Name}");

    private EventFilter Log(LogLevel? level, Type? exceptionType, string? message, string? contains, string? source)
    {
        var description = string.Join(
            ", ",
            new[]
            {
                level is null ? null : $"level {level}",
                exceptionType is null ? null : $"exception {exceptionType.Name}",
                message is null ? null : $"message '{message}'",
                contains is null ? null : $"message containing '{contains}'",
                source is null ? null : $"source containing '{source}'",
            }.Where(p => p is not null));

        return new EventFilter(
            _kit,
            typeof(LogEvent),
            e => e is LogEvent log
                && (level is null || log.Level == level || (level == LogLevel.Error && log.Level == LogLevel.Critical))
                && (exceptionType is null || exceptionType.IsInstanceOfType(log.Exception))
                && (message is null || string.Equals(log.Message, message, StringComparison.Ordinal))
                && (contains is null || log.Message.Contains(contains, StringComparison.Ordinal))
                && (source is null || log.Source.Contains(source, StringComparison.Ordinal)),
            description.Length == 0 ? "any log event" : description);
    }
}
