using Microsoft.Extensions.Configuration;

namespace ActorEcho.Configuration;

/// <summary>A HOCON file source; remembers the path as the user wrote it so origins read naturally.</summary>
internal sealed class HoconFileConfigurationSource : FileConfigurationSource
{
    public string DisplayName { get; init; } = string.Empty;

    public override IConfigurationProvider Build(IConfigurationBuilder builder)
    {
        EnsureDefaults(builder);
        return new HoconConfigurationProvider(this);
    }
}
