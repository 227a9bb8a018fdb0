namespace ActorEcho.Actors.Tests.Infrastructure;

/// <summary>A lifecycle hook (or constructor) of one incarnation of a <see cref="LifecycleActor"/>.</summary>
public sealed record LifecycleEvent(string Actor, string Hook, int Instance);

/// <summary>PreRestart of the failed incarnation, with the reason and the message that was being processed.</summary>
public sealed record LifecyclePreRestart(string Actor, int Instance, string Reason, object? FailedMessage);

/// <summary>PostRestart of the fresh incarnation, with the reason.</summary>
public sealed record LifecyclePostRestart(string Actor, int Instance, string Reason);

/// <summary>A user message that reached an incarnation.</summary>
public sealed record LifecycleReceived(string Actor, int Instance, object Message);

/// <summary>Makes a <see cref="LifecycleActor"/> throw an <see cref="InvalidOperationException"/> with <paramref name="Reason"/>.</summary>
public sealed record LifecycleFail(string Reason);

/// <summary>Makes a <see cref="LifecycleActor"/> report "blocked" and then wait (bounded) until <paramref name="Gate"/> is set.</summary>
public sealed record LifecycleBlock(ManualResetEventSlim Gate);

/// <summary>Makes a <see cref="LifecycleActor"/> stop itself with <c>Context.Stop(Self)</c>.</summary>
public sealed record LifecycleStopSelf;

/// <summary>A child that a <see cref="LifecycleActor"/> creates in its constructor.</summary>
public sealed record LifecycleChildSpec(string Name, Props Props);

/// <summary>Numbers the incarnations of one actor (shared by its Props factory across restarts, so thread-safe).</summary>
public sealed class LifecycleInstanceCounter
{
    private int _last;

    public int Next() => Interlocked.Increment(ref _last);
}

/// <summary>
/// Reports every lifecycle hook (and every other message it gets) to a reporter, numbered by incarnation. Children given as
/// <see cref="LifecycleChildSpec"/> are created in the constructor, so every incarnation creates fresh ones.
/// </summary>
public sealed class LifecycleActor : ReceiveActor
{
    /// <summary>Upper bound for <see cref="LifecycleBlock"/>, so a broken test never hangs a thread forever.</summary>
    public static readonly TimeSpan MaxBlock = TimeSpan.FromSeconds(5);

    private readonly string _name;
    private readonly IActorRef _reporter;
    private readonly int _instance;

    public LifecycleActor(string name, IActorRef reporter, LifecycleInstanceCounter counter, IReadOnlyList<LifecycleChildSpec> children)
    {
        _name = name;
        _reporter = reporter;
        _instance = counter.Next();
        Report("ctor");
        foreach (var child in children)
        {
            Context.ActorOf(child.Props, child.Name);
        }

        Receive<LifecycleFail>(f => throw new InvalidOperationException(f.Reason));
        Receive<LifecycleStopSelf>(_ => Context.Stop(Self));
        Receive<LifecycleBlock>(b =>
        {
            Report("blocked");
            b.Gate.Wait(MaxBlock);
        });
        ReceiveAny(m => _reporter.Tell(new LifecycleReceived(_name, _instance, m), Self));
    }

    /// <summary>Props with a fresh incarnation counter.</summary>
    public static Props CreateProps(string name, IActorRef reporter, params LifecycleChildSpec[] children)
    {
        var counter = new LifecycleInstanceCounter();
        return Props.Create(() => new LifecycleActor(name, reporter, counter, children));
    }

    protected override void PreStart() => Report("PreStart");

    protected override void PostStop() => Report("PostStop");

    protected override void PreRestart(Exception reason, object? message)
    {
        _reporter.Tell(new LifecyclePreRestart(_name, _instance, reason.Message, message), Self);
        base.PreRestart(reason, message);
    }

    protected override void PostRestart(Exception reason)
    {
        _reporter.Tell(new LifecyclePostRestart(_name, _instance, reason.Message), Self);
        base.PostRestart(reason);
    }

    private void Report(string hook) => _reporter.Tell(new LifecycleEvent(_name, hook, _instance), Self);
}
