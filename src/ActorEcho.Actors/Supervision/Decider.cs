namespace ActorEcho.Actors.Supervision;

/// <summary>Builds deciders from a default directive and per-exception-type overrides, matched in order.</summary>
public static class Decider
{
    /// <summary>
    /// A decider that returns the first matching override (exception type assignable, checked in order) or <paramref name="defaultDirective"/>.
    /// </summary>
    /// <example><c>Decider.From(Directive.Restart, Directive.Stop.When&lt;IOException&gt;())</c></example>
    public static IDecider From(Directive defaultDirective, params KeyValuePair<Type, Directive>[] pairs) =>
        new TypeMatchingDecider(defaultDirective, pairs);

    /// <summary>A decider that calls <paramref name="decide"/>.</summary>
    public static IDecider From(Func<Exception, Directive> decide)
    {
        ArgumentNullException.ThrowIfNull(decide);
        return new FunctionDecider(decide);
    }

    private sealed class FunctionDecider(Func<Exception, Directive> decide) : IDecider
    {
        public Directive Decide(Exception cause) => decide(cause);
    }

    private sealed class TypeMatchingDecider(Directive defaultDirective, KeyValuePair<Type, Directive>[] pairs) : IDecider
    {
        public Directive Decide(Exception cause)
        {
            foreach (var (type, directive) in pairs)
            {
                if (type.IsInstanceOfType(cause))
                {
                    return directive;
                }
            }

            return defaultDirective;
        }
    }
}
