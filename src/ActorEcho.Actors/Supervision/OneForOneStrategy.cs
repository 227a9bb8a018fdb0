using ActorEcho.Actors.Internal;

namespace ActorEcho.Actors.Supervision;

/// <summary>Applies the decision to the failing child only.</summary>
public sealed class OneForOneStrategy : SupervisorStrategy
{
    /// <summary>Creates the strategy; a null <paramref name="maxNrOfRetries"/> means unlimited and a null window means none.</summary>
    public OneForOneStrategy(int? maxNrOfRetries, TimeSpan? withinTimeRange, Func<Exception, Directive> decider)
        : this(maxNrOfRetries, withinTimeRange, Supervision.Decider.From(decider))
    {
    }

    /// <summary>Creates the strategy from an <see cref="IDecider"/>.</summary>
    public OneForOneStrategy(int? maxNrOfRetries, TimeSpan? withinTimeRange, IDecider decider, bool loggingEnabled = true)
        : base(maxNrOfRetries ?? -1, withinTimeRange, decider, loggingEnabled)
    {
    }

    /// <summary>Akka.NET's millisecond form: -1 retries or -1 ms mean unlimited.</summary>
    public OneForOneStrategy(int maxNrOfRetries, int withinTimeMilliseconds, Func<Exception, Directive> decider, bool loggingEnabled = true)
        : base(maxNrOfRetries, withinTimeMilliseconds < 0 ? null : TimeSpan.FromMilliseconds(withinTimeMilliseconds), Supervision.Decider.From(decider), loggingEnabled)
    {
    }

    /// <summary>Unlimited restarts, decisions from <paramref name="decider"/>.</summary>
    public OneForOneStrategy(Func<Exception, Directive> decider)
        : this(null, null, decider)
    {
    }

    /// <summary>Unlimited restarts, decisions from <paramref name="decider"/>.</summary>
    public OneForOneStrategy(IDecider decider)
        : this(null, null, decider)
    {
    }

    /// <summary>A copy that allows <paramref name="maxNrOfRetries"/> restarts.</summary>
    public OneForOneStrategy WithMaxNrOfRetries(int maxNrOfRetries) => new(maxNrOfRetries, WithinTimeRange, Decider, LoggingEnabled);

    internal override Directive Apply(ActorCell supervisor, ActorCell failed, Exception cause, Directive directive)
    {
        switch (directive)
        {
            case Directive.Resume:
                supervisor.ResumeChild(failed, cause);
                return Directive.Resume;
            case Directive.Restart when RequestRestartPermission(failed):
                supervisor.RestartChild(failed, cause, suspendFirst: false);
                return Directive.Restart;
            default:
                supervisor.StopChild(failed.Self);
                return Directive.Stop;
        }
    }
}
