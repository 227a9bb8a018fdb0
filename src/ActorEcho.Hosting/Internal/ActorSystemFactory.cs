using ActorEcho.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ActorEcho.Hosting.Internal;

/// <summary>
/// Creates the hosted actor system once, when it is first needed (the hosted service's start, or any service that takes an
/// <see cref="ActorSystem"/>): runs the builder callbacks, layers the configuration, rejects likely typos, then creates the system.
/// A failure is kept and rethrown to every later caller, so the error is the same wherever it surfaces.
/// </summary>
internal sealed class ActorSystemFactory
{
    /// <summary>The runtime's embedded defaults (ActorSystem.ReferenceResource).</summary>
    internal const string RuntimeReferenceResource = "ActorEcho.Actors.reference.conf";

    /// <summary>The host runs coordinated shutdown on stop; the runtime's own process-exit hook would run it a second time, unbounded by the host.</summary>
    internal const string ClrShutdownHookKey = "actorecho:coordinated-shutdown:run-by-clr-shutdown-hook";

    private readonly Lazy<Created> _created;

    public ActorSystemFactory(ActorSystemRegistration registration, IEnumerable<ActorSystemConfigurator> configurators, IServiceProvider services)
    {
        Name = registration.Name;
        _created = new Lazy<Created>(() => Create(registration, [.. configurators], services), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The system's name.</summary>
    public string Name { get; }

    /// <summary>The system; created on first access.</summary>
    public ActorSystem System => _created.Value.System;

    /// <summary>The filled-in builder (starters, logging); valid once <see cref="System"/> was created.</summary>
    public ActorSystemBuilder Builder => _created.Value.Builder;

    /// <summary>True once creation was attempted and succeeded.</summary>
    public bool IsCreated => _created.IsValueCreated;

    private static Created Create(ActorSystemRegistration registration, ActorSystemConfigurator[] configurators, IServiceProvider services)
    {
        var builder = new ActorSystemBuilder(registration.Name, services);
        builder.AddReferenceConfiguration(typeof(ActorSystem).Assembly, RuntimeReferenceResource);
        registration.Configure(builder, services);
        foreach (var configurator in configurators)
        {
            configurator.Configure(builder, services);
        }

        var configuration = BuildConfiguration(builder, services);
        var system = ActorSystem.Create(registration.Name, configuration, builder.LoggerFactory ?? services.GetService<ILoggerFactory>());
        return new Created(system, builder);
    }

    private static IConfigurationRoot BuildConfiguration(ActorSystemBuilder builder, IServiceProvider services)
    {
        var layers = new ConfigurationBuilder();
        foreach (var (assembly, resource) in builder.References)
        {
            layers.AddHoconResource(assembly, resource);
        }

        foreach (var source in builder.Sources)
        {
            source(layers);
        }

        if (builder.IncludeApplicationConfiguration && services.GetService<IConfiguration>() is { } application)
        {
            layers.AddConfiguration(application, shouldDisposeConfiguration: false);
        }

        layers.AddInMemoryCollection([new KeyValuePair<string, string?>(ClrShutdownHookKey, "off")]);
        var configuration = layers.Build();

        if (builder.CheckUnknownKeys)
        {
            var known = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var (assembly, resource) in builder.References)
            {
                known.UnionWith(ConfigurationKeyValidator.KnownKeys(new ConfigurationBuilder().AddHoconResource(assembly, resource).Build()));
            }

            ConfigurationKeyValidator.ThrowOnLikelyTypo(configuration, known);
        }

        return configuration;
    }

    private sealed record Created(ActorSystem System, ActorSystemBuilder Builder);
}
