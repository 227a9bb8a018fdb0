namespace ActorEcho.Hosting.Internal;

/// <summary>What <c>AddActorSystem</c> was given: the system's name and its main configuration callback.</summary>
internal sealed record ActorSystemRegistration(string Name, Action<ActorSystemBuilder, IServiceProvider> Configure);
