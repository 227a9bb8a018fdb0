using ActorEcho.Configuration.Parsing;

namespace ActorEcho.Configuration;

/// <summary>
/// Parses HOCON text into a resolved <see cref="HoconObject"/>: includes are read, duplicate keys merged and
/// substitutions resolved (falling back to environment variables). Every syntax or resolution problem is a
/// <see cref="HoconParseException"/> carrying <c>file:line:col</c>.
/// </summary>
public static class HoconParser
{
    /// <summary>Name used in positions when the text does not come from a file.</summary>
    public const string StringSourceName = "<string>";

    /// <summary>Parses text; includes are resolved relative to the current directory.</summary>
    /// <param name="text">HOCON source.</param>
    /// <param name="sourceName">Name shown in error positions; <c>&lt;string&gt;</c> when null.</param>
    public static HoconObject Parse(string text, string? sourceName = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Parse(text, sourceName ?? StringSourceName, Directory.GetCurrentDirectory(), null, null);
    }

    /// <summary>Reads and parses a file; includes are resolved relative to the file's directory.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static HoconObject ParseFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var fullPath = Path.GetFullPath(path);
        var text = File.ReadAllText(fullPath);
        return Parse(text, path, Path.GetDirectoryName(fullPath), fullPath, null);
    }

    /// <summary>Full-control entry point used by the configuration providers and tests.</summary>
    /// <param name="text">HOCON source.</param>
    /// <param name="sourceName">Name shown in positions.</param>
    /// <param name="baseDirectory">Directory includes are resolved against; null disables file includes.</param>
    /// <param name="physicalPath">Full path of the parsed file, to detect a file including itself.</param>
    /// <param name="environment">Environment lookup for substitution fallback; the process environment when null.</param>
    internal static HoconObject Parse(string text, string sourceName, string? baseDirectory, string? physicalPath, Func<string, string?>? environment)
    {
        var includes = new HoconIncludeResolver(physicalPath);
        var raw = new HoconSyntaxParser(text, sourceName, baseDirectory, includes, 0).ParseDocument();
        var tree = HoconTreeBuilder.Build(raw);
        return HoconResolver.Resolve(tree, environment ?? Environment.GetEnvironmentVariable);
    }
}
