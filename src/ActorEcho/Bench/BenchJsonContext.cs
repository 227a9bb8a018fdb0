using System.Text.Json.Serialization;

namespace ActorEcho.Cli.Bench;

/// <summary>Source-generated JSON for <see cref="BenchReport"/>: camelCase, indented, nulls written (the compare tool expects every field).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(BenchReport))]
internal sealed partial class BenchJsonContext : JsonSerializerContext;
