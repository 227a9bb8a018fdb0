using ActorEcho.Actors;
using Microsoft.Extensions.Options;

namespace EmbeddedEcho.Greeting;

/// <summary>
/// The application's own actor: answers <see cref="Greet"/> with a <see cref="Greeting"/> and counts how many it gave. Its salutation
/// comes from the host's services (<see cref="GreeterOptions"/>, bound from appsettings.json), injected by the hosting layer's resolver.
/// </summary>
internal sealed class Greeter : ReceiveActor
{
    private int _greetings;

    /// <summary>Created by <c>resolver.Props&lt;Greeter&gt;()</c>: the container supplies <paramref name="options"/>.</summary>
    public Greeter(IOptions<GreeterOptions> options)
    {
        var salutation = options.Value.Salutation;
        Receive<Greet>(greet =>
        {
            _greetings++;
            Sender.Tell(new Greeting($"{salutation}, {greet.Name}", _greetings), Self);
        });
    }

    /// <summary>Asks for a greeting.</summary>
    /// <param name="Name">Who to greet.</param>
    internal sealed record Greet(string Name);

    /// <summary>The answer to <see cref="Greet"/>.</summary>
    /// <param name="Text">The greeting, e.g. <c>hello, world</c>.</param>
    /// <param name="Number">How many greetings this actor has given, this one included.</param>
    internal sealed record Greeting(string Text, int Number);
}
