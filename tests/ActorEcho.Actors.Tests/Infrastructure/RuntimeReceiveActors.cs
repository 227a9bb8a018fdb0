namespace ActorEcho.Actors.Tests.Infrastructure.Runtime;

/// <summary>Routes messages through typed handlers, predicates, a Func handler and ReceiveAny; tells <c>probe</c> which one took it.</summary>
public sealed class TypedHandlersActor : ReceiveActor
{
    public TypedHandlersActor(IActorRef probe)
    {
        Receive<int>(i => i < 0, i => probe.Tell("negative:" + i, Self));
        Receive<int>(i => probe.Tell("even:" + i, Self), i => i % 2 == 0);
        Receive<int>(i => probe.Tell("int:" + i, Self));
        Receive<string>(s =>
        {
            if (s.StartsWith("maybe", StringComparison.Ordinal))
            {
                probe.Tell("func:" + s, Self);
                return true;
            }

            return false;
        });
        Receive<string>(s => probe.Tell("string:" + s, Self));
        ReceiveAny(m => probe.Tell("any:" + m.GetType().Name, Self));
    }
}

/// <summary>Handles only strings; everything else is unhandled.</summary>
public sealed class StringOnlyActor : ReceiveActor
{
    public StringOnlyActor(IActorRef probe) => Receive<string>(s => probe.Tell("string:" + s, Self));
}

/// <summary>
/// Behaviour switching: every behaviour ("mood") answers "get" with its name, "become:X" → Become(X), "push:X" → BecomeStacked(X),
/// "unbecome" → UnbecomeStacked, "crash" → throws.
/// </summary>
public sealed class MoodActor : ReceiveActor
{
    public MoodActor() => Mood("initial");

    private void Mood(string mood)
    {
        Receive<string>(s => s == "get", _ => Sender.Tell(mood, Self));
        Receive<string>(s => s.StartsWith("become:", StringComparison.Ordinal), s => Become(() => Mood(s["become:".Length..])));
        Receive<string>(s => s.StartsWith("push:", StringComparison.Ordinal), s => BecomeStacked(() => Mood(s["push:".Length..])));
        Receive<string>(s => s == "unbecome", _ => Context.UnbecomeStacked());
        Receive<string>(s => s == "crash", _ => throw new InvalidOperationException("crash"));
    }
}

/// <summary>Tries to register a handler after construction (in a handler, or in PreStart) and reports what happened.</summary>
public sealed class LateRegistrationActor : ReceiveActor
{
    private readonly IActorRef _probe;
    private readonly bool _inPreStart;

    public LateRegistrationActor(IActorRef probe, bool inPreStart)
    {
        _probe = probe;
        _inPreStart = inPreStart;
        Receive<string>(s => s == "register", _ => TryRegister());
        Receive<string>(s => s == "ping", _ => Sender.Tell("pong", Self));
    }

    protected override void PreStart()
    {
        if (_inPreStart)
        {
            TryRegister();
        }
    }

    private void TryRegister()
    {
        try
        {
            Receive<int>(_ => { });
            _probe.Tell("registered", Self);
        }
        catch (InvalidOperationException ex)
        {
            _probe.Tell(ex, Self);
        }
    }
}

/// <summary>Async work whose completion the test controls.</summary>
public sealed record AsyncWork(string Id, TaskCompletionSource Gate);

/// <summary>Async work that fails once the gate opens (or at once, before any await, when <paramref name="Synchronously"/>).</summary>
public sealed record AsyncFail(TaskCompletionSource Gate, bool Synchronously = false);

/// <summary>
/// ReceiveAsync handlers: <see cref="AsyncWork"/> tells <c>probe</c> "start:id", awaits the gate, tells "end:id" and replies
/// "done:id" to <c>Sender</c>; <see cref="AsyncFail"/> throws after its gate. "ping" → "pong". Reports restarts to <c>probe</c>.
/// </summary>
public sealed class AsyncWorkActor : ReceiveActor
{
    private readonly IActorRef _probe;

    public AsyncWorkActor(IActorRef probe)
    {
        _probe = probe;
        ReceiveAsync<AsyncWork>(async w =>
        {
            probe.Tell("start:" + w.Id, Self);
            await w.Gate.Task;
            probe.Tell("end:" + w.Id, Self);
            Sender.Tell("done:" + w.Id, Self);
        });
        ReceiveAsync<AsyncFail>(async f =>
        {
            if (f.Synchronously)
            {
                throw new InvalidOperationException("sync boom");
            }

            await f.Gate.Task;
            throw new InvalidOperationException("async boom");
        });
        ReceiveAnyAsync(m =>
        {
            Sender.Tell(m is "ping" ? "pong" : m, Self);
            return Task.CompletedTask;
        });
    }

    protected override void PreRestart(Exception reason, object? message)
    {
        _probe.Tell("pre-restart:" + reason.Message, Self);
        base.PreRestart(reason, message);
    }

    protected override void PostRestart(Exception reason)
    {
        _probe.Tell("restarted", Self);
        base.PostRestart(reason);
    }
}
