using System.Collections;
using Microsoft.Extensions.Configuration;

namespace ActorEcho.Configuration;

/// <summary>
/// Adds an ActorEcho host's configuration sources in their precedence order (later wins): <c>hocon/actorecho.conf</c>,
/// <c>--config FILE</c>, <c>ACTORECHO__</c> environment variables, command-line flags. The embedded reference defaults
/// are not added here; <c>ActorSystem.Create</c> layers them under whatever configuration it is given.
/// </summary>
public static class ActorEchoConfiguration
{
    /// <summary>
    /// Adds every <c>ACTORECHO__</c> environment variable (prefix in any case) under the <c>actorecho</c> root:
    /// <c>ACTORECHO__ACTOR__ASK-TIMEOUT=3s</c> becomes <c>actorecho:actor:ask-timeout</c> = <c>3s</c>. The rest of the
    /// name is split on <c>__</c> and lower-cased, nothing more, so write HOCON's '-' as is (<c>ACTORECHO__IO__TCP__MAX-CONNECTIONS</c>).
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="environment">Variables to read instead of the process environment, so tests need not change process state; null reads the process.</param>
    public static IConfigurationBuilder AddActorEchoEnvironmentVariables(this IConfigurationBuilder builder, IDictionary? environment = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Add(new ActorEchoEnvironmentVariablesSource { Environment = environment });
    }

    /// <summary>
    /// Adds, in this order, the host file (optional), the <c>--config</c> file (required), the environment variables and the
    /// command-line overrides. File paths are made absolute with <see cref="Path.GetFullPath(string)"/> (the current directory).
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="options">The sources to add.</param>
    /// <exception cref="ArgumentException"><see cref="ActorEchoConfigurationOptions.ConfigFile"/> is empty or white space.</exception>
    /// <exception cref="FileNotFoundException"><see cref="ActorEchoConfigurationOptions.ConfigFile"/> is set but no such file exists; the message names the full path.</exception>
    /// <exception cref="HoconParseException">Raised by <c>Build()</c> when a file has a syntax error; the message starts with <c>file:line:col</c>.</exception>
    public static IConfigurationBuilder AddActorEchoSources(this IConfigurationBuilder builder, ActorEchoConfigurationOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);

        // Check the --config file before adding anything, so a bad path leaves the builder untouched.
        string? configFile = null;
        if (options.ConfigFile is not null)
        {
            if (string.IsNullOrWhiteSpace(options.ConfigFile))
            {
                throw new ArgumentException("The --config file path is empty.", nameof(options));
            }

            configFile = RequireConfigFile(options.ConfigFile);
        }

        if (!string.IsNullOrEmpty(options.HostConfigFile))
        {
            builder.AddHoconFile(Path.GetFullPath(options.HostConfigFile), optional: true);
        }

        if (configFile is not null)
        {
            builder.AddHoconFile(configFile);
        }

        builder.AddActorEchoEnvironmentVariables(options.Environment);

        if (options.CommandLineOverrides is not null)
        {
            builder.AddInMemoryCollection(options.CommandLineOverrides);
        }

        return builder;
    }

    private static string RequireConfigFile(string path)
    {
        var fullPath = Path.GetFullPath(path);
        if (File.Exists(fullPath))
        {
            return fullPath;
        }

        var reason = Directory.Exists(fullPath) ? "is a directory, not a file" : "was not found";
        throw new FileNotFoundException($"Configuration file '{fullPath}' (--config) {reason}.", fullPath);
    }
}
