namespace ActorEcho.Hosting.Internal;

/// <summary>One way the hosted system is described: the <c>AddActorSystem</c> callback, or a later <c>ConfigureActorSystem</c> contribution.</summary>
internal sealed record ActorSystemConfigurator(Action<ActorSystemBuilder, IServiceProvider> Configure);
