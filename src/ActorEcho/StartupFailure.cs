using ActorEcho.Configuration;
using ActorEcho.Server.Hosting;

namespace ActorEcho.Cli;

/// <summary>Why <c>serve</c> could not start, as the one line the user sees and the exit code.</summary>
/// <param name="ExitCode">The process exit code.</param>
/// <param name="Message">The line printed after <c>actorecho: </c>; never a stack trace.</param>
internal sealed record StartupFailure(int ExitCode, string Message)
{
    /// <summary>
    /// Classifies an exception out of the host's start: the echo server's first bind failed (<see cref="ExitCodes.CannotListen"/>,
    /// <c>cannot listen on ADDR: reason</c>) or a configuration error (see <see cref="FromConfigurationError"/>); null for anything else.
    /// </summary>
    public static StartupFailure? FromStartError(Exception exception) => exception is EchoServerBindException bind
        ? new StartupFailure(ExitCodes.CannotListen, bind.Message)
        : FromConfigurationError(exception);

    /// <summary>
    /// Classifies <paramref name="exception"/> as a configuration error (<see cref="ExitCodes.Usage"/>): a HOCON syntax error, a bad
    /// value, a likely typo of a known <c>actorecho.*</c> key, a missing or unreadable <c>--config</c> file. Null for anything else, which is a bug and keeps its stack trace.
    /// </summary>
    public static StartupFailure? FromConfigurationError(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case HoconParseException or ConfigurationValueException or UnknownConfigurationKeyException:
                    return new StartupFailure(ExitCodes.Usage, current.Message);
                case FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException:
                    return new StartupFailure(ExitCodes.Usage, current.Message);
                case InvalidDataException data:
                    // The configuration framework's "Failed to load configuration from file 'F'." wrapper: add its cause.
                    return new StartupFailure(ExitCodes.Usage, data.InnerException is { } cause ? data.Message + " " + cause.Message : data.Message);
                case IOException io:
                    return new StartupFailure(ExitCodes.Usage, io.Message);
                case ArgumentException argument when argument.ParamName == "options":
                    return new StartupFailure(ExitCodes.Usage, argument.Message.Split(" (Parameter", 2)[0]);
                default:
                    break;
            }
        }

        return null;
    }
}
