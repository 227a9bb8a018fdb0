using System.Collections;

namespace ActorEcho.Configuration;

/// <summary>
/// The sources a host passes to <see cref="ActorEchoConfiguration.AddActorEchoSources"/>: its own HOCON file, the
/// <c>--config</c> file, the environment and the command-line flags. Unset properties add nothing, except the environment.
/// </summary>
public sealed class ActorEchoConfigurationOptions
{
    /// <summary>Gets the host's own file (<c>hocon/actorecho.conf</c>); optional, a missing file adds nothing.</summary>
    public string? HostConfigFile { get; init; }

    /// <summary>Gets the file named by <c>--config</c>; when set it must exist, so a mistyped path fails start-up.</summary>
    public string? ConfigFile { get; init; }

    /// <summary>Gets the environment variables to read instead of the process environment (for tests); null reads the process.</summary>
    public IDictionary? Environment { get; init; }

    /// <summary>Gets the values of command-line flags, keyed in configuration form (<c>actorecho:io:tcp:port</c>); they win over everything.</summary>
    public IEnumerable<KeyValuePair<string, string?>>? CommandLineOverrides { get; init; }
}
