using ActorEcho.Hosting;

namespace EmbeddedEcho.Greeting;

/// <summary>Adds the greeter to a hosted actor system; the application and its tests call the same method.</summary>
internal static class GreeterActorSystemBuilderExtensions
{
    /// <summary>Creates the greeter as <c>/user/greeter</c> (dependencies from the host's services) and registers it under <see cref="Greeter"/>.</summary>
    public static ActorSystemBuilder WithGreeter(this ActorSystemBuilder builder) =>
        builder.WithActors(static (system, registry, resolver) => registry.Register<Greeter>(system.ActorOf(resolver.Props<Greeter>(), "greeter")));
}
