namespace ActorEcho.Configuration;

/// <summary>A configuration provider that knows the <c>file:line:col</c> each of its keys came from.</summary>
internal interface IHoconOriginProvider
{
    bool TryGetOrigin(string key, out string? origin);
}
