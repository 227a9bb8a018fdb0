using System.Text;
using System.Text.Json;
using ActorEcho.Actors;
using ActorEcho.Configuration;
using BenchmarkDotNet.Attributes;

namespace ActorEcho.Benchmarks.Configuration;

/// <summary>
/// Parsing the runtime's full reference configuration (hocon/reference/actors.conf, as embedded), against a baseline of
/// System.Text.Json parsing the same tree written as JSON. Target: well under 5 ms per parse once warm.
/// </summary>
[MemoryDiagnoser]
public class HoconParseBenchmark
{
    private string _hocon = string.Empty;
    private byte[] _json = [];

    [GlobalSetup]
    public void Setup()
    {
        using var stream = typeof(ActorSystem).Assembly.GetManifestResourceStream("ActorEcho.Actors.reference.conf")!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        _hocon = reader.ReadToEnd();
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteJson(writer, HoconParser.Parse(_hocon));
        }

        _json = buffer.ToArray();
    }

    [Benchmark(Description = "HOCON reference config")]
    public HoconObject Hocon() => HoconParser.Parse(_hocon, "actors.conf");

    [Benchmark(Baseline = true, Description = "Same tree as JSON (System.Text.Json)")]
    public int Json()
    {
        using var document = JsonDocument.Parse(_json);
        return document.RootElement.GetArrayLength2();
    }

    private static void WriteJson(Utf8JsonWriter writer, HoconValue value)
    {
        switch (value)
        {
            case HoconObject obj:
                writer.WriteStartObject();
                foreach (var (key, field) in obj.Fields)
                {
                    writer.WritePropertyName(key);
                    WriteJson(writer, field);
                }

                writer.WriteEndObject();
                break;
            case HoconArray array:
                writer.WriteStartArray();
                foreach (var item in array.Items)
                {
                    WriteJson(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                writer.WriteStringValue(value.ToString());
                break;
        }
    }
}

internal static class JsonElementExtensions
{
    /// <summary>Touches the parsed root so the parse cannot be optimised away.</summary>
    public static int GetArrayLength2(this JsonElement element) => element.ValueKind == JsonValueKind.Object ? element.EnumerateObject().Count() : 0;
}
