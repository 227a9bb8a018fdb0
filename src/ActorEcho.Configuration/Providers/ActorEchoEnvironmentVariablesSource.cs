using System.Collections;
using Microsoft.Extensions.Configuration;

namespace ActorEcho.Configuration;

/// <summary>The <c>ACTORECHO__</c> environment variables, read from the process or from a dictionary given by a test.</summary>
internal sealed class ActorEchoEnvironmentVariablesSource : IConfigurationSource
{
    /// <summary>Gets the variables to read; null means the process environment at load time.</summary>
    public IDictionary? Environment { get; init; }

    public IConfigurationProvider Build(IConfigurationBuilder builder) => new ActorEchoEnvironmentVariablesProvider(this);
}
