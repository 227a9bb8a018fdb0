using Microsoft.Extensions.Configuration;

namespace ActorEcho.Configuration;

/// <summary>Provider for in-memory HOCON; parses on every load (the text never changes).</summary>
internal sealed class HoconTextConfigurationProvider : ConfigurationProvider, IHoconOriginProvider
{
    private readonly HoconTextConfigurationSource _source;
    private Dictionary<string, string> _origins = new(StringComparer.OrdinalIgnoreCase);

    public HoconTextConfigurationProvider(HoconTextConfigurationSource source)
    {
        _source = source;
    }

    public override void Load()
    {
        var root = HoconParser.Parse(_source.Text, _source.SourceName, _source.BaseDirectory, null, null);
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

    public override string ToString() => $"{GetType().Name} for '{_source.SourceName}'";
}
