using ActorEcho.Actors.Supervision;

namespace ActorEcho.Actors.Tests.Infrastructure;

/// <summary>The counter value of a <see cref="SupervisionWorker"/>, reported after "inc" and "get".</summary>
public sealed record SupervisionCount(string Actor, int Value);

/// <summary>A hook or notable step of a supervision test actor ("failing", "PreStart", "PreRestart", "PostStop", "ctor").</summary>
public sealed record SupervisionEvent(string Actor, string What);

/// <summary>PostRestart of a supervision test actor, with the type and message of the reason.</summary>
public sealed record SupervisionRestarted(string Actor, string ReasonType, string Reason);

/// <summary>What a reporting decider was asked about, and what it answered.</summary>
public sealed record SupervisionDecision(string ExceptionType, string Message, Directive Directive);

/// <summary>Makes the receiving supervision test actor throw <paramref name="Exception"/> (use a fresh exception per message).</summary>
public sealed record SupervisionFail(Exception Exception);

/// <summary>Asks a <see cref="SupervisionParent"/> to create a child and reply with its reference.</summary>
public sealed record SupervisionCreateChild(Props Props, string Name);

/// <summary>Asks a <see cref="SupervisionParent"/> for its child named <paramref name="Name"/> (Nobody when none).</summary>
public sealed record SupervisionGetChild(string Name);

/// <summary>Makes a <see cref="SupervisionWorker"/> report "blocked" and then wait (bounded) until <paramref name="Gate"/> is set.</summary>
public sealed record SupervisionBlock(ManualResetEventSlim Gate);

/// <summary>
/// A counting child: "inc" increments and reports, "get" reports; <see cref="SupervisionFail"/> reports "failing" and throws.
/// Reports PreRestart, PostRestart and PostStop, so tests see every restart and stop.
/// </summary>
public sealed class SupervisionWorker : ReceiveActor
{
    private readonly string _name;
    private readonly IActorRef _reporter;
    private int _count;

    public SupervisionWorker(string name, IActorRef reporter)
    {
        _name = name;
        _reporter = reporter;
        Receive<string>(s => s == "inc", _ => _reporter.Tell(new SupervisionCount(_name, ++_count), Self));
        Receive<string>(s => s == "get", _ => _reporter.Tell(new SupervisionCount(_name, _count), Self));
        Receive<SupervisionFail>(f =>
        {
            _reporter.Tell(new SupervisionEvent(_name, "failing"), Self);
            throw f.Exception;
        });
        Receive<SupervisionBlock>(b =>
        {
            _reporter.Tell(new SupervisionEvent(_name, "blocked"), Self);
            b.Gate.Wait(LifecycleActor.MaxBlock);
        });
    }

    public static Props CreateProps(string name, IActorRef reporter) => Props.Create(() => new SupervisionWorker(name, reporter));

    protected override void PreRestart(Exception reason, object? message)
    {
        _reporter.Tell(new SupervisionEvent(_name, "PreRestart"), Self);
        base.PreRestart(reason, message);
    }

    protected override void PostRestart(Exception reason)
    {
        _reporter.Tell(new SupervisionRestarted(_name, reason.GetType().Name, reason.Message), Self);
        base.PostRestart(reason);
    }

    protected override void PostStop() => _reporter.Tell(new SupervisionEvent(_name, "PostStop"), Self);
}

/// <summary>
/// A supervisor: its children are supervised by the given strategy (or, when null, by the default chain: Props strategy, then
/// the default strategy). Children listed at construction are created by every incarnation. Reports "ctor", PreRestart,
/// PostRestart and PostStop; <see cref="SupervisionFail"/> makes it fail itself.
/// </summary>
public sealed class SupervisionParent : ReceiveActor
{
    private readonly string _name;
    private readonly IActorRef _reporter;
    private readonly SupervisorStrategy? _strategy;

    public SupervisionParent(string name, IActorRef reporter, SupervisorStrategy? strategy, IReadOnlyList<SupervisionCreateChild> children)
    {
        _name = name;
        _reporter = reporter;
        _strategy = strategy;
        _reporter.Tell(new SupervisionEvent(_name, "ctor"), Self);
        foreach (var child in children)
        {
            Context.ActorOf(child.Props, child.Name);
        }

        Receive<SupervisionCreateChild>(c => Sender.Tell(Context.ActorOf(c.Props, c.Name), Self));
        Receive<SupervisionGetChild>(c => Sender.Tell(Context.Child(c.Name), Self));
        Receive<SupervisionFail>(f =>
        {
            _reporter.Tell(new SupervisionEvent(_name, "failing"), Self);
            throw f.Exception;
        });
    }

    public static Props CreateProps(string name, IActorRef reporter, SupervisorStrategy? strategy, params SupervisionCreateChild[] children) =>
        Props.Create(() => new SupervisionParent(name, reporter, strategy, children));

    protected override SupervisorStrategy SupervisorStrategy() => _strategy ?? base.SupervisorStrategy();

    protected override void PreRestart(Exception reason, object? message)
    {
        _reporter.Tell(new SupervisionEvent(_name, "PreRestart"), Self);
        base.PreRestart(reason, message);
    }

    protected override void PostRestart(Exception reason)
    {
        _reporter.Tell(new SupervisionRestarted(_name, reason.GetType().Name, reason.Message), Self);
        base.PostRestart(reason);
    }

    protected override void PostStop() => _reporter.Tell(new SupervisionEvent(_name, "PostStop"), Self);
}

/// <summary>Which part of a <see cref="SupervisionBrokenActor"/> throws.</summary>
public enum SupervisionBrokenPart
{
    Constructor,
    PreStart,
}

/// <summary>
/// An actor whose constructor or PreStart throws from incarnation <c>failFromInstance</c> on; reports "ctor" and "PreStart"
/// attempts (as <see cref="SupervisionEvent"/> with the incarnation number) and PostStop.
/// </summary>
public sealed class SupervisionBrokenActor : ReceiveActor
{
    private readonly IActorRef _reporter;
    private readonly SupervisionBrokenPart _part;
    private readonly int _failFromInstance;
    private readonly int _instance;

    public SupervisionBrokenActor(IActorRef reporter, SupervisionBrokenPart part, int failFromInstance, LifecycleInstanceCounter counter)
    {
        _reporter = reporter;
        _part = part;
        _failFromInstance = failFromInstance;
        _instance = counter.Next();
        _reporter.Tell(new SupervisionEvent("broken", "ctor#" + _instance), Self);
        if (_part == SupervisionBrokenPart.Constructor && _instance >= _failFromInstance)
        {
            throw new InvalidOperationException("constructor failure #" + _instance);
        }

        Receive<SupervisionFail>(f => throw f.Exception);
        Receive<string>(s => _reporter.Tell(new SupervisionEvent("broken", s + "#" + _instance), Self));
    }

    public static Props CreateProps(IActorRef reporter, SupervisionBrokenPart part, int failFromInstance = 1)
    {
        var counter = new LifecycleInstanceCounter();
        return Props.Create(() => new SupervisionBrokenActor(reporter, part, failFromInstance, counter));
    }

    protected override void PreStart()
    {
        _reporter.Tell(new SupervisionEvent("broken", "PreStart#" + _instance), Self);
        if (_part == SupervisionBrokenPart.PreStart && _instance >= _failFromInstance)
        {
            throw new InvalidOperationException("PreStart failure #" + _instance);
        }
    }

    protected override void PostStop() => _reporter.Tell(new SupervisionEvent("broken", "PostStop#" + _instance), Self);
}

/// <summary>Strategies whose decider reports every decision (<see cref="SupervisionDecision"/>) to a reporter.</summary>
public static class SupervisionStrategies
{
    public static Func<Exception, Directive> ReportingDecider(IActorRef reporter, Func<Exception, Directive> decide) => ex =>
    {
        var directive = decide(ex);
        reporter.Tell(new SupervisionDecision(ex.GetType().Name, ex.Message, directive), null);
        return directive;
    };

    public static OneForOneStrategy OneForOne(IActorRef reporter, Directive directive, int? maxNrOfRetries = null, TimeSpan? within = null) =>
        new(maxNrOfRetries, within, ReportingDecider(reporter, _ => directive));

    public static AllForOneStrategy AllForOne(IActorRef reporter, Directive directive, int? maxNrOfRetries = null, TimeSpan? within = null) =>
        new(maxNrOfRetries, within, ReportingDecider(reporter, _ => directive));

    /// <summary>The default decider, reporting what it decided.</summary>
    public static OneForOneStrategy ReportingDefault(IActorRef reporter) =>
        new(null, null, ReportingDecider(reporter, SupervisorStrategy.DefaultDecider.Decide));
}
