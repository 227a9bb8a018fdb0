using ActorEcho.Hosting.Internal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace ActorEcho.Hosting;

/// <summary>Registers a hosted ActorEcho actor system with a service collection or a host application builder.</summary>
public static class ActorSystemServiceCollectionExtensions
{
    /// <summary>
    /// Registers the actor system <paramref name="name"/>, described by <paramref name="configure"/>: the <see cref="ActorSystem"/>,
    /// the <see cref="ActorRegistry"/>, <see cref="IRequiredActor{TKey}"/> and <see cref="IDependencyResolver"/> as singletons, and a
    /// hosted service that starts the system (running the starters in order) when the host starts and shuts it down when it stops.
    /// </summary>
    /// <remarks>
    /// The system is created when first resolved, at the latest when the host starts; <paramref name="configure"/> runs then, with the
    /// built services. Register it before hosted services that need its actors during their own start, or have them wait with
    /// <see cref="IRequiredActor{TKey}.GetAsync"/>. One actor system per service collection.
    /// </remarks>
    /// <exception cref="InvalidOperationException">An actor system is already registered.</exception>
    public static IServiceCollection AddActorSystem(this IServiceCollection services, string name, Action<ActorSystemBuilder, IServiceProvider> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(configure);
        if (services.Any(d => d.ServiceType == typeof(ActorSystemRegistration)))
        {
            throw new InvalidOperationException($"An actor system is already registered in this service collection; AddActorSystem(\"{name}\") can be called once.");
        }

        services.AddSingleton(new ActorSystemRegistration(name, configure));
        services.AddSingleton<ActorSystemFactory>();
        services.AddSingleton(static sp => sp.GetRequiredService<ActorSystemFactory>().System);
        services.AddSingleton<ActorRegistry>();
        services.AddSingleton<IDependencyResolver>(static sp => new ServiceProviderDependencyResolver(sp));
        services.TryAdd(ServiceDescriptor.Singleton(typeof(IRequiredActor<>), typeof(RequiredActor<>)));
        services.AddHostedService<ActorSystemHostedService>();
        return services;
    }

    /// <summary>Registers the actor system with the builder's services; see <see cref="AddActorSystem(IServiceCollection, string, Action{ActorSystemBuilder, IServiceProvider})"/>.</summary>
    public static TBuilder AddActorSystem<TBuilder>(this TBuilder builder, string name, Action<ActorSystemBuilder, IServiceProvider> configure)
        where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddActorSystem(name, configure);
        return builder;
    }

    /// <summary>
    /// Adds to the description of the actor system (registered before or after this call): <paramref name="configure"/> runs after the
    /// <c>AddActorSystem</c> callback, contributions in the order they were added. Libraries use it to add their actors and defaults.
    /// </summary>
    public static IServiceCollection ConfigureActorSystem(this IServiceCollection services, Action<ActorSystemBuilder, IServiceProvider> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddSingleton(new ActorSystemConfigurator(configure));
        return services;
    }
}
