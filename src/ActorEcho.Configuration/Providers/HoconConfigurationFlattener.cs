using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace ActorEcho.Configuration;

/// <summary>
/// Maps a HOCON tree to configuration keys: path segments joined with ':', array elements indexed
/// (<c>a:0</c>, <c>a:0:x</c>), <c>null</c> kept as a present key with a null value.
/// </summary>
internal static class HoconConfigurationFlattener
{
    public static (Dictionary<string, string?> Data, Dictionary<string, string> Origins) Flatten(HoconObject root)
    {
        var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var origins = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in root.Fields)
        {
            Visit(key, value, data, origins);
        }

        return (data, origins);
    }

    private static void Visit(string key, HoconValue value, Dictionary<string, string?> data, Dictionary<string, string> origins)
    {
        switch (value)
        {
            case HoconObject obj:
                foreach (var (name, child) in obj.Fields)
                {
                    Visit(ConfigurationPath.Combine(key, name), child, data, origins);
                }

                break;
            case HoconArray array:
                for (var i = 0; i < array.Items.Count; i++)
                {
                    Visit(ConfigurationPath.Combine(key, i.ToString(CultureInfo.InvariantCulture)), array.Items[i], data, origins);
                }

                break;
            case HoconScalar scalar:
                data[key] = scalar.Kind == HoconValueKind.Null ? null : scalar.Text;
                if (scalar.Origin is { } origin)
                {
                    origins[key] = origin;
                }
                else
                {
                    origins.Remove(key);
                }

                break;
            default:
                break;
        }
    }
}
