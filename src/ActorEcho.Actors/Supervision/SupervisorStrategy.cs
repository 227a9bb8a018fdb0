using ActorEcho.Actors.Internal;
using Microsoft.Extensions.Logging;

namespace ActorEcho.Actors.Supervision;

/// <summary>
/// Decides what a child's failure costs: the failing child alone (<see cref="OneForOneStrategy"/>) or all its siblings too
/// (<see cref="AllForOneStrategy"/>), and how many restarts are allowed in what time window.
/// </summary>
public abstract class SupervisorStrategy
{
    private protected SupervisorStrategy(int maxNrOfRetries, TimeSpan? withinTimeRange, IDecider decider, bool loggingEnabled)
    {
        ArgumentNullException.ThrowIfNull(decider);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxNrOfRetries, -1);
        if (withinTimeRange is { } range && range <= TimeSpan.Zero && range != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(withinTimeRange), range, "The restart window must be positive, or null for no window.");
        }

        MaxNrOfRetries = maxNrOfRetries;
        WithinTimeRange = withinTimeRange == Timeout.InfiniteTimeSpan ? null : withinTimeRange;
        Decider = decider;
        LoggingEnabled = loggingEnabled;
    }

    /// <summary>Restarts allowed (within <see cref="WithinTimeRange"/> when set); -1 means unlimited, 0 means never restart.</summary>
    public int MaxNrOfRetries { get; }

    /// <summary>The window the retry count applies to; null means over the child's whole life.</summary>
    public TimeSpan? WithinTimeRange { get; }

    /// <summary>Maps failures to directives.</summary>
    public IDecider Decider { get; }

    /// <summary>Whether decisions are logged (Restart and Stop at Error, Resume at Warning).</summary>
    public bool LoggingEnabled { get; }

    /// <summary>The default strategy's decider.</summary>
    public static IDecider DefaultDecider { get; } = Supervision.Decider.From(
        Directive.Restart,
        Directive.Stop.When<ActorInitializationException>(),
        Directive.Stop.When<ActorKilledException>(),
        Directive.Stop.When<DeathPactException>());

    /// <summary>
    /// The strategy actors get unless they choose another: one-for-one, unlimited restarts; stops on
    /// <see cref="ActorInitializationException"/>, <see cref="ActorKilledException"/> and <see cref="DeathPactException"/>.
    /// </summary>
    public static SupervisorStrategy DefaultStrategy { get; } = new OneForOneStrategy(DefaultDecider);

    /// <summary>Stops every failing child: for children that cannot be repaired by a restart, such as connections.</summary>
    public static SupervisorStrategy StoppingStrategy { get; } = new OneForOneStrategy(Supervision.Decider.From(Directive.Stop));

    /// <summary>Returns the directive for <paramref name="cause"/>.</summary>
    public Directive Decide(Exception cause) => Decider.Decide(cause);

    /// <summary>
    /// Applies <paramref name="directive"/> to the failed child (and, for all-for-one, its siblings); returns what was applied, which is
    /// <see cref="Directive.Stop"/> when a restart is refused by the retry limit.
    /// </summary>
    internal abstract Directive Apply(ActorCell supervisor, ActorCell failed, Exception cause, Directive directive);

    internal bool RequestRestartPermission(ActorCell child) =>
        child.RequestRestartPermission(MaxNrOfRetries, WithinTimeRange);

    /// <summary>
    /// Logs a decision with the failed actor's path: resume and escalate at Warning (escalation is logged again, with its outcome,
    /// by the supervisor that finally decides), restart and stop at Error. <paramref name="decided"/> differs from
    /// <paramref name="applied"/> only when the retry limit turned a restart into a stop.
    /// </summary>
    internal void LogFailure(ActorCell supervisor, IActorRef child, Exception cause, Directive decided, Directive applied)
    {
        if (!LoggingEnabled)
        {
            return;
        }

        var log = supervisor.RuntimeLog;
        switch (applied)
        {
            case Directive.Resume:
                log.Log(LogLevel.Warning, cause, "Actor {Child} failed and was resumed: {Reason}", child.Path, cause.Message);
                break;
            case Directive.Restart:
                log.Log(LogLevel.Error, cause, "Actor {Child} failed and is restarted: {Reason}", child.Path, cause.Message);
                break;
            case Directive.Stop when decided == Directive.Restart:
                log.Log(LogLevel.Error, cause, "Actor {Child} failed and is stopped: restart limit of {MaxNrOfRetries} reached: {Reason}", child.Path, MaxNrOfRetries, cause.Message);
                break;
            case Directive.Stop:
                log.Log(LogLevel.Error, cause, "Actor {Child} failed and is stopped: {Reason}", child.Path, cause.Message);
                break;
            case Directive.Escalate:
                log.Log(LogLevel.Warning, cause, "Actor {Child} failed and its supervisor {Supervisor} escalates: {Reason}", child.Path, supervisor.Self.Path, cause.Message);
                break;
            default:
                break;
        }
    }
}
