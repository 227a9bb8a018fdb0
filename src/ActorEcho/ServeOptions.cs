using System.Globalization;
using Microsoft.Extensions.Logging;

namespace ActorEcho.Cli;

/// <summary>The flags of <c>actorecho serve</c>; null means "not given" (configuration decides).</summary>
/// <param name="Host">--host: the address to listen on.</param>
/// <param name="Port">--port: the port to listen on; 0 picks a free one.</param>
/// <param name="ConfigFile">--config: a HOCON file layered over <c>hocon/actorecho.conf</c>.</param>
/// <param name="MaxConnections">--max-connections: connections served at once; 0 = unlimited.</param>
/// <param name="LogLevel">--log-level: the lowest level logged.</param>
/// <param name="StatsInterval">--stats-interval: print a counter summary to stderr this often; null = off.</param>
internal sealed record ServeOptions(string? Host, int? Port, string? ConfigFile, int? MaxConnections, LogLevel? LogLevel, TimeSpan? StatsInterval = null)
{
    /// <summary>Configuration key of <c>--host</c>.</summary>
    public const string HostKey = "actorecho:server:host";

    /// <summary>Configuration key of <c>--port</c>.</summary>
    public const string PortKey = "actorecho:server:port";

    /// <summary>Configuration key of <c>--max-connections</c>.</summary>
    public const string MaxConnectionsKey = "actorecho:io:tcp:max-connections";

    /// <summary>Configuration key of <c>--log-level</c>.</summary>
    public const string LogLevelKey = "actorecho:loglevel";

    /// <summary>The flags that were given, as configuration overrides (they win over every other source).</summary>
    public IReadOnlyList<KeyValuePair<string, string?>> ToConfigurationOverrides()
    {
        var overrides = new List<KeyValuePair<string, string?>>();
        if (Host is not null)
        {
            overrides.Add(new(HostKey, Host));
        }

        if (Port is { } port)
        {
            overrides.Add(new(PortKey, port.ToString(CultureInfo.InvariantCulture)));
        }

        if (MaxConnections is { } maxConnections)
        {
            overrides.Add(new(MaxConnectionsKey, maxConnections.ToString(CultureInfo.InvariantCulture)));
        }

        if (LogLevel is { } level)
        {
            overrides.Add(new(LogLevelKey, level.ToString()));
        }

        return overrides;
    }
}
