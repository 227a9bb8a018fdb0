using ActorEcho.Actors.Internal;

namespace ActorEcho.Actors.Supervision;

/// <summary>
/// Applies Restart and Stop to every child of the supervisor, for children that only make sense together; Resume affects the failing child only.
/// </summary>
public sealed class AllForOneStrategy : SupervisorStrategy
{
    /// <summary>Creates the strategy; a null <paramref name="maxNrOfRetries"/> means unlimited and a null window means none.</summary>
    public AllForOneStrategy(int? maxNrOfRetries, TimeSpan? withinTimeRange, Func<Exception, Directive> decider)
        : this(maxNrOfRetries, withinTimeRange, Supervision.Decider.From(decider))
    {
    }

    /// <summary>Creates the strategy from an <see cref="IDecider"/>.</summary>
    public AllForOneStrategy(int? maxNrOfRetries, TimeSpan? withinTimeRange, IDecider decider, bool loggingEnabled = true)
        : base(maxNrOfRetries ?? -1, withinTimeRange, decider, loggingEnabled)
    {
    }

    /// <summary>Akka.NET's millisecond form: -1 retries or -1 ms mean unlimited.</summary>
    public AllForOneStrategy(int maxNrOfRetries, int withinTimeMilliseconds, Func<Exception, Directive> decider, bool loggingEnabled = true)
        : base(maxNrOfRetries, withinTimeMilliseconds < 0 ? null : TimeSpan.FromMilliseconds(withinTimeMilliseconds), Supervision.Decider.From(decider), loggingEnabled)
    {
    }

    /// <summary>Unlimited restarts, decisions from <paramref name="decider"/>.</summary>
    public AllForOneStrategy(Func<Exception, Directive> decider)
        : this(null, null, decider)
    {
    }

    internal override Directive Apply(ActorCell supervisor, ActorCell failed, Exception cause, Directive directive)
    {
        var children = supervisor.LiveChildEntries();
        switch (directive)
        {
            case Directive.Resume:
                supervisor.ResumeChild(failed, cause);
                return Directive.Resume;
            case Directive.Restart when children.TrueForAll(RequestRestartPermission):
                foreach (var child in children)
                {
                    supervisor.RestartChild(child, cause, suspendFirst: !ReferenceEquals(child, failed));
                }

                return Directive.Restart;
            default:
                foreach (var child in children)
                {
                    supervisor.StopChild(child.Self);
                }

                return Directive.Stop;
        }
    }
}
