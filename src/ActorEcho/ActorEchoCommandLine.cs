using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Net;
using ActorEcho.Cli.Bench;
using ActorEcho.Configuration;
using Microsoft.Extensions.Logging;

namespace ActorEcho.Cli;

/// <summary>
/// The command line: <c>actorecho [serve] [--host ADDR] [--port N] [--config FILE] [--max-connections N] [--log-level L]
/// [--stats-interval DURATION]</c>.
/// <c>serve</c> is the default verb: the root command takes the same (recursive) options and runs the same action.
/// </summary>
internal sealed class ActorEchoCommandLine
{
    private static readonly string[] s_logLevels = Enum.GetNames<LogLevel>();

    private readonly RootCommand _root;
    private readonly Option<string?> _host = new("--host")
    {
        Description = "Address to listen on: an IPv4/IPv6 literal or 'localhost' (configuration: actorecho.server.host, default 127.0.0.1).",
        HelpName = "ADDR",
        Recursive = true,
        CustomParser = ParseHost,
    };

    private readonly Option<int?> _port = new("--port")
    {
        Description = "TCP port to listen on, 0-65535; 0 picks a free port (configuration: actorecho.server.port, default 7000).",
        HelpName = "N",
        Recursive = true,
        CustomParser = result => ParseInt(result, "--port", IPEndPoint.MinPort, IPEndPoint.MaxPort),
    };

    private readonly Option<string?> _config = new("--config")
    {
        Description = "A HOCON file layered over hocon/actorecho.conf (below ACTORECHO__ environment variables and flags).",
        HelpName = "FILE",
        Recursive = true,
    };

    private readonly Option<int?> _maxConnections = new("--max-connections")
    {
        Description = "Connections served at once; 0 = unlimited (configuration: actorecho.io.tcp.max-connections).",
        HelpName = "N",
        Recursive = true,
        CustomParser = result => ParseInt(result, "--max-connections", 0, int.MaxValue),
    };

    private readonly Option<LogLevel?> _logLevel = new("--log-level")
    {
        Description = "Lowest level logged to stderr: " + string.Join(", ", s_logLevels) + " (configuration: actorecho.loglevel, default Information).",
        HelpName = "LEVEL",
        Recursive = true,
        CustomParser = ParseLogLevel,
    };

    private readonly Option<TimeSpan?> _statsInterval = new("--stats-interval")
    {
        Description = "Print a one-line summary of the counters to stderr this often, e.g. 500ms, 10s, 1m (default: off).",
        HelpName = "DURATION",
        Recursive = true,
        CustomParser = ParseStatsInterval,
    };

    /// <summary>Builds the command line; <paramref name="serve"/> runs the server and returns the exit code.</summary>
    public ActorEchoCommandLine(Func<ServeOptions, CancellationToken, Task<int>> serve)
    {
        ArgumentNullException.ThrowIfNull(serve);
        _root = new RootCommand("actorecho: an actor-model TCP echo server. Without a command, runs 'serve'.");
        var serveCommand = new Command("serve", "Run the echo server until Ctrl+C or SIGTERM (the default command).");
        foreach (var option in new Option[] { _host, _port, _config, _maxConnections, _logLevel, _statsInterval })
        {
            _root.Options.Add(option);
        }

        _root.Subcommands.Add(serveCommand);
        _root.Subcommands.Add(BenchCommand.Create());
        Func<ParseResult, CancellationToken, Task<int>> action = (result, cancellationToken) => serve(Read(result), cancellationToken);
        _root.SetAction(action);
        serveCommand.SetAction(action);
    }

    /// <summary>
    /// Parses <paramref name="args"/> and runs the chosen action. A parse error is reported as one <c>actorecho: …</c> line on stderr
    /// (naming the flag) with exit code <see cref="ExitCodes.Usage"/>, instead of System.CommandLine's help dump and exit code 1.
    /// </summary>
    public async Task<int> InvokeAsync(IReadOnlyList<string> args)
    {
        var result = _root.Parse(args);
        if (result.Action is ParseErrorAction)
        {
            var errors = string.Join("; ", result.Errors.Select(e => e.Message));
            ProgramOutput.Error(errors + " (see 'actorecho --help')");
            return ExitCodes.Usage;
        }

        // The host handles SIGINT/SIGTERM itself (drain, then exit; a second signal exits at once), so System.CommandLine must not.
        var invocation = new InvocationConfiguration { ProcessTerminationTimeout = null };
        return await result.InvokeAsync(invocation, CancellationToken.None).ConfigureAwait(false);
    }

    private ServeOptions Read(ParseResult result) => new(
        result.GetValue(_host),
        result.GetValue(_port),
        result.GetValue(_config),
        result.GetValue(_maxConnections),
        result.GetValue(_logLevel),
        result.GetValue(_statsInterval));

    private static string? ParseHost(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value.Trim() : string.Empty;
        if (string.Equals(text, "localhost", StringComparison.OrdinalIgnoreCase) || IPAddress.TryParse(text, out _))
        {
            return text;
        }

        result.AddError($"--host: '{text}' is not an IP address (e.g. 127.0.0.1, 0.0.0.0, ::1) or 'localhost'.");
        return null;
    }

    private static int? ParseInt(ArgumentResult result, string flag, int min, int max)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        result.AddError(string.Create(CultureInfo.InvariantCulture, $"{flag}: '{text}' is not a whole number between {min} and {max}."));
        return null;
    }

    /// <summary>A positive duration with a unit (a bare number would be milliseconds in HOCON, a surprise on a command line).</summary>
    private static TimeSpan? ParseStatsInterval(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value.Trim() : string.Empty;
        if (text.Length > 0 && !char.IsDigit(text[^1]) && HoconDuration.TryParse(text, out var interval) && interval >= TimeSpan.FromMilliseconds(1))
        {
            return interval;
        }

        result.AddError($"--stats-interval: '{text}' is not a duration of at least 1ms with a unit (e.g. 500ms, 10s, 1m).");
        return null;
    }

    private static LogLevel? ParseLogLevel(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
        foreach (var name in s_logLevels)
        {
            if (string.Equals(name, text, StringComparison.OrdinalIgnoreCase))
            {
                return Enum.Parse<LogLevel>(name);
            }
        }

        result.AddError($"--log-level: '{text}' is not one of {string.Join(", ", s_logLevels)}.");
        return null;
    }
}
