using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace ActorEcho.Configuration;

/// <summary>
/// Adds HOCON sources to an <see cref="IConfigurationBuilder"/> and finds where a value was defined.
/// HOCON paths become configuration keys with ':' separators (<c>a.b.c</c> → <c>a:b:c</c>).
/// </summary>
public static class HoconConfigurationExtensions
{
    /// <summary>
    /// Adds a HOCON file. Relative paths resolve against the builder's base path (see <c>SetBasePath</c>),
    /// like <c>AddJsonFile</c>; pass a full path for a file named on the command line.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="path">The file path; also the name shown in origins and errors.</param>
    /// <param name="optional">Whether a missing file is ignored.</param>
    /// <param name="reloadOnChange">Whether configuration reloads when the file changes (included files are not watched).</param>
    public static IConfigurationBuilder AddHoconFile(this IConfigurationBuilder builder, string path, bool optional = false, bool reloadOnChange = false)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(path);
        var source = new HoconFileConfigurationSource
        {
            Path = path,
            Optional = optional,
            ReloadOnChange = reloadOnChange,
            DisplayName = path,
        };
        source.ResolveFileProvider();
        return builder.Add(source);
    }

    /// <summary>Adds HOCON text; includes resolve relative to the current directory.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="text">HOCON source text.</param>
    /// <param name="sourceName">Name shown in origins and errors; <c>&lt;string&gt;</c> when null.</param>
    public static IConfigurationBuilder AddHoconString(this IConfigurationBuilder builder, string text, string? sourceName = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(text);
        return builder.Add(new HoconTextConfigurationSource
        {
            Text = text,
            SourceName = sourceName ?? HoconParser.StringSourceName,
            BaseDirectory = Directory.GetCurrentDirectory(),
        });
    }

    /// <summary>Adds HOCON read from a stream; the stream is read to the end now and not disposed.</summary>
    public static IConfigurationBuilder AddHoconStream(this IConfigurationBuilder builder, Stream stream, string? sourceName)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = new StreamReader(stream, leaveOpen: true);
        return builder.AddHoconString(reader.ReadToEnd(), sourceName);
    }

    /// <summary>
    /// Adds an embedded HOCON resource, typically a library's <c>reference.conf</c> defaults. Origins use the
    /// resource name; includes inside a resource cannot find files.
    /// </summary>
    /// <exception cref="ArgumentException">The assembly has no resource with that name.</exception>
    public static IConfigurationBuilder AddHoconResource(this IConfigurationBuilder builder, Assembly assembly, string resourceName)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(assembly);
        ArgumentException.ThrowIfNullOrEmpty(resourceName);
        using var stream = assembly.GetManifestResourceStream(resourceName)
            ?? throw new ArgumentException(
                $"Assembly '{assembly.GetName().Name}' has no embedded resource '{resourceName}'. Available: {string.Join(", ", assembly.GetManifestResourceNames())}",
                nameof(resourceName));
        using var reader = new StreamReader(stream);
        return builder.Add(new HoconTextConfigurationSource { Text = reader.ReadToEnd(), SourceName = resourceName, BaseDirectory = null });
    }

    /// <summary>
    /// Returns the <c>file:line:col</c> where the effective value of <paramref name="key"/> was defined: the providers
    /// of the configuration root are searched from last to first and the first one holding the key answers.
    /// Null when that provider is not HOCON, the key is absent, or <paramref name="configuration"/> is neither a root
    /// nor a section of one (sections cannot reach their root, so pass the root for origins).
    /// </summary>
    public static string? GetHoconOrigin(this IConfiguration configuration, string key)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(key);
        if (configuration is not IConfigurationRoot root)
        {
            return null;
        }

        var providers = root.Providers as IList<IConfigurationProvider> ?? [.. root.Providers];
        for (var i = providers.Count - 1; i >= 0; i--)
        {
            var provider = providers[i];
            if (provider.TryGet(key, out _))
            {
                return provider switch
                {
                    IHoconOriginProvider hocon => hocon.TryGetOrigin(key, out var origin) ? origin : null,

                    // Layering with AddConfiguration wraps a whole configuration: look inside it for the value's origin.
                    ChainedConfigurationProvider chained => chained.Configuration.GetHoconOrigin(key),
                    _ => null,
                };
            }
        }

        return null;
    }
}
