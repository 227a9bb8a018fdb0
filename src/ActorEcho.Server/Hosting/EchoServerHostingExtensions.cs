using ActorEcho.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ActorEcho.Server.Hosting;

/// <summary>
/// Adds echo servers to a hosted actor system. Each one is an <see cref="EchoServer"/> actor under <c>/user</c>, configured from
/// <c>actorecho.server.*</c> (HOCON, appsettings.json, environment; see <see cref="ActorSystemBuilder"/> for precedence) and then
/// by an optional callback (<c>s =&gt; s with { Port = 0 }</c>), started when the host starts, registered in the
/// <see cref="ActorRegistry"/> under its key once bound, and published in <see cref="EchoServerBindings"/>.
/// </summary>
/// <remarks>
/// The host's start waits until the server listens; if the first bind fails, start fails with an <see cref="EchoServerBindException"/>
/// (<c>cannot listen on 127.0.0.1:7000: address already in use</c>) and the actor system is terminated. On the host's stop, coordinated
/// shutdown unbinds it (<c>service-unbind</c>) and lets open connections finish their echoes for up to <c>drain-timeout</c>
/// (<c>service-requests-done</c>) before the rest are reset. Several servers need distinct key types (and different ports).
/// </remarks>
public static class EchoServerHostingExtensions
{
    /// <summary>Adds an echo server registered under the key <see cref="EchoServer"/>, as actor <c>/user/echo-server</c>.</summary>
    public static ActorSystemBuilder WithEchoServer(this ActorSystemBuilder builder, Func<EchoServerSettings, EchoServerSettings>? configure = null, string? actorName = null) =>
        builder.WithEchoServer<EchoServer>(configure, actorName);

    /// <summary>
    /// Adds an echo server registered under <typeparamref name="TKey"/>; its actor is named <paramref name="actorName"/>, by default
    /// <c>echo-server</c> for the key <see cref="EchoServer"/> and <c>echo-server-KEYNAME</c> for others.
    /// </summary>
    public static ActorSystemBuilder WithEchoServer<TKey>(this ActorSystemBuilder builder, Func<EchoServerSettings, EchoServerSettings>? configure = null, string? actorName = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddReferenceConfiguration(typeof(EchoServer).Assembly, EchoServerSettings.ReferenceResource);
        builder.AddReferenceConfiguration(typeof(Tcp).Assembly, "ActorEcho.IO.reference.conf");
        var starter = new EchoServerStarter(typeof(TKey), configure, actorName ?? DefaultActorName(typeof(TKey)));
        return builder.WithActors((system, registry, _, cancellationToken) => starter.StartAsync(system, registry, cancellationToken));
    }

    /// <summary>
    /// Adds an echo server under the key <see cref="EchoServer"/> to the actor system registered with <c>AddActorSystem</c>, and
    /// registers <see cref="EchoServerBindings"/> as a service.
    /// </summary>
    public static IServiceCollection AddEchoServer(this IServiceCollection services, Func<EchoServerSettings, EchoServerSettings>? configure = null, string? actorName = null) =>
        services.AddEchoServer<EchoServer>(configure, actorName);

    /// <summary>As <see cref="AddEchoServer(IServiceCollection, Func{EchoServerSettings, EchoServerSettings}?, string?)"/>, under <typeparamref name="TKey"/>.</summary>
    public static IServiceCollection AddEchoServer<TKey>(this IServiceCollection services, Func<EchoServerSettings, EchoServerSettings>? configure = null, string? actorName = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(static sp => EchoServerBindings.For(sp.GetRequiredService<ActorSystem>()));
        return services.ConfigureActorSystem((builder, _) => builder.WithEchoServer<TKey>(configure, actorName));
    }

    private static string DefaultActorName(Type key)
    {
        if (key == typeof(EchoServer))
        {
            return "echo-server";
        }

        var name = key.Name.Split('`')[0];
        return "echo-server-" + new string([.. name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? char.ToLowerInvariant(c) : '-')]);
    }
}
