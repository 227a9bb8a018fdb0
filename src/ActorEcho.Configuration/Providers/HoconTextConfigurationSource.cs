using Microsoft.Extensions.Configuration;

namespace ActorEcho.Configuration;

/// <summary>HOCON held in memory (a string, a stream read up front, or an embedded resource).</summary>
internal sealed class HoconTextConfigurationSource : IConfigurationSource
{
    public required string Text { get; init; }

    public required string SourceName { get; init; }

    /// <summary>Gets the directory includes are resolved against; null means includes find no files.</summary>
    public string? BaseDirectory { get; init; }

    public IConfigurationProvider Build(IConfigurationBuilder builder) => new HoconTextConfigurationProvider(this);
}
