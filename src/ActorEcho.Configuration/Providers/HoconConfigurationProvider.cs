using System.Runtime.ExceptionServices;
using Microsoft.Extensions.Configuration;

namespace ActorEcho.Configuration;

/// <summary>
/// File-based HOCON provider. Deriving from <see cref="FileConfigurationProvider"/> gives optional files and
/// reload-on-change; includes are resolved relative to the file's physical directory. When a watched file is
/// saved with a syntax error, the last good values are kept (the framework would otherwise throw on the
/// file-watcher thread) and the error is available from <see cref="LastReloadError"/>.
/// </summary>
internal sealed class HoconConfigurationProvider : FileConfigurationProvider, IHoconOriginProvider
{
    private Dictionary<string, string> _origins = new(StringComparer.OrdinalIgnoreCase);
    private bool _explicitLoad;

    public HoconConfigurationProvider(HoconFileConfigurationSource source)
        : base(source)
    {
    }

    /// <summary>
    /// Loads the file. A syntax error surfaces as the <see cref="HoconParseException"/> itself rather than the
    /// framework's generic "failed to load" wrapper, so callers can print its <c>file:line:col</c> message.
    /// </summary>
    public override void Load()
    {
        _explicitLoad = true;
        try
        {
            base.Load();
        }
        catch (InvalidDataException ex) when (ex.InnerException is HoconParseException parseError)
        {
            ExceptionDispatchInfo.Capture(parseError).Throw();
        }
        finally
        {
            _explicitLoad = false;
        }
    }

    /// <summary>Gets the parse error of the most recent file-watch reload, or null when it succeeded.</summary>
    public HoconParseException? LastReloadError { get; private set; }

    public override void Load(Stream stream)
    {
        string text;
        using (var reader = new StreamReader(stream, leaveOpen: true))
        {
            text = reader.ReadToEnd();
        }

        var source = (HoconFileConfigurationSource)Source;
        var physicalPath = source.FileProvider?.GetFileInfo(source.Path ?? string.Empty).PhysicalPath;
        HoconObject root;
        try
        {
            root = HoconParser.Parse(
                text,
                string.IsNullOrEmpty(source.DisplayName) ? source.Path ?? HoconParser.StringSourceName : source.DisplayName,
                physicalPath is null ? null : Path.GetDirectoryName(physicalPath),
                physicalPath,
                null);
        }
        catch (HoconParseException ex) when (!_explicitLoad)
        {
            // A file-watch reload: keep serving the last good values.
            LastReloadError = ex;
            return;
        }

        LastReloadError = null;
        var (data, origins) = HoconConfigurationFlattener.Flatten(root);
        _origins = origins;
        Data = data;
    }

    public bool TryGetOrigin(string key, out string? origin)
    {
        var found = _origins.TryGetValue(key, out var value);
        origin = value;
        return found;
    }
}
