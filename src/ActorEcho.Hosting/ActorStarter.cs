namespace ActorEcho.Hosting;

/// <summary>
/// Starts actors when the host starts: creates them, registers them in the <paramref name="registry"/>, waits for what they need.
/// Starters run one after the other in registration order; one that throws fails the host's start.
/// </summary>
/// <param name="system">The application's actor system.</param>
/// <param name="registry">Where actors are published for others to find by key.</param>
/// <param name="resolver">Creates <see cref="Props"/> whose actors get their constructor dependencies from the host's services.</param>
/// <param name="cancellationToken">The host's start token: cancelled when the start is abandoned.</param>
public delegate Task ActorStarter(ActorSystem system, ActorRegistry registry, IDependencyResolver resolver, CancellationToken cancellationToken);
