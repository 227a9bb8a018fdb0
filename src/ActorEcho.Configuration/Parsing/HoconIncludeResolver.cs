using System.Globalization;
using ActorEcho.Configuration.Parsing.Nodes;

namespace ActorEcho.Configuration.Parsing;

/// <summary>
/// Finds and parses included files relative to the including file's directory, detecting include cycles
/// and bounding the total number of includes so a crafted file cannot fan out exponentially.
/// </summary>
internal sealed class HoconIncludeResolver
{
    private const int MaxIncludes = 1000;
    private readonly List<string> _open = [];
    private int _count;

    public HoconIncludeResolver(string? rootPhysicalPath)
    {
        if (rootPhysicalPath is not null)
        {
            _open.Add(rootPhysicalPath);
        }
    }

    public RawObjectNode? Include(string name, bool required, HoconPosition at, string? baseDirectory, string includingSource, int depth)
    {
        var physical = Locate(name, baseDirectory);
        if (physical is null)
        {
            if (required)
            {
                var lookedFor = TryCombine(name, baseDirectory) ?? name;
                throw new HoconParseException(at, $"required include '{name}' not found (looked for '{lookedFor}')");
            }

            return null;
        }

        if (_open.Contains(physical, StringComparer.Ordinal))
        {
            var chain = string.Join(" -> ", _open.SkipWhile(p => !string.Equals(p, physical, StringComparison.Ordinal)).Append(physical));
            throw new HoconParseException(at, "include cycle: " + chain);
        }

        if (++_count > MaxIncludes)
        {
            throw new HoconParseException(at, string.Create(CultureInfo.InvariantCulture, $"too many includes (more than {MaxIncludes})"));
        }

        string text;
        try
        {
            text = File.ReadAllText(physical);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new HoconParseException(at, $"cannot read include '{name}': {ex.Message}");
        }

        var display = Path.IsPathRooted(name) ? name : Path.Combine(Path.GetDirectoryName(includingSource) ?? string.Empty, name);
        _open.Add(physical);
        try
        {
            return new HoconSyntaxParser(text, display, Path.GetDirectoryName(physical), this, depth).ParseDocument();
        }
        finally
        {
            _open.RemoveAt(_open.Count - 1);
        }
    }

    private static string? Locate(string name, string? baseDirectory)
    {
        var candidate = TryCombine(name, baseDirectory);
        if (candidate is null)
        {
            return null;
        }

        if (File.Exists(candidate))
        {
            return candidate;
        }

        // Per the spec an include without extension may name a .conf file.
        return !Path.HasExtension(candidate) && File.Exists(candidate + ".conf") ? candidate + ".conf" : null;
    }

    private static string? TryCombine(string name, string? baseDirectory)
    {
        if (name.Length == 0 || (baseDirectory is null && !Path.IsPathRooted(name)))
        {
            return null;
        }

        try
        {
            return Path.GetFullPath(Path.IsPathRooted(name) ? name : Path.Combine(baseDirectory!, name));
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return null;
        }
    }
}
