namespace ActorEcho.Actors.Supervision;

/// <summary>Reads like the rule it builds: <c>Directive.Stop.When&lt;TimeoutException&gt;()</c>.</summary>
public static class DirectiveExtensions
{
    /// <summary>Pairs the directive with the exception type it applies to, for <see cref="Decider.From(Directive, KeyValuePair{Type, Directive}[])"/>.</summary>
    public static KeyValuePair<Type, Directive> When<TException>(this Directive directive)
        where TException : Exception => new(typeof(TException), directive);
}
