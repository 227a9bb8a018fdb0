using System.Diagnostics;

namespace ActorEcho.Actors.Tests.Infrastructure.Runtime;

/// <summary>A message that must not reset the receive timeout.</summary>
public sealed class Nudge : INotInfluenceReceiveTimeout
{
    public static Nudge Instance { get; } = new();
}

/// <summary>Sets the receive timeout; acknowledged with "set".</summary>
public sealed record SetTimeout(TimeSpan? Timeout);

/// <summary>Reported when the actor gets <see cref="ReceiveTimeout"/>: time since its last ordinary message, and nudges seen so far.</summary>
public sealed record TimedOut(TimeSpan SinceLastMessage, int Nudges);

/// <summary>Starts a periodic IWithTimers timer "ticking" that sends <paramref name="Message"/> to the actor itself; acknowledged with "ticking".</summary>
public sealed record StartTicking(object Message, TimeSpan Interval);

/// <summary>Reports every <see cref="ReceiveTimeout"/> to <c>probe</c>; "keepalive" is an ordinary message, "get" replies the timeout.</summary>
public sealed class ReceiveTimeoutActor : ReceiveActor, IWithTimers
{
    private long _lastMessage = Stopwatch.GetTimestamp();
    private int _nudges;

    public ReceiveTimeoutActor(IActorRef probe, TimeSpan? initial)
    {
        if (initial is not null)
        {
            Context.SetReceiveTimeout(initial);
        }

        Receive<ReceiveTimeout>(_ => probe.Tell(new TimedOut(Stopwatch.GetElapsedTime(_lastMessage), _nudges), Self));
        Receive<Nudge>(_ => _nudges++);
        Receive<SetTimeout>(c =>
        {
            _lastMessage = Stopwatch.GetTimestamp();
            Context.SetReceiveTimeout(c.Timeout);
            Sender.Tell("set", Self);
        });
        Receive<StartTicking>(c =>
        {
            Timers.StartPeriodicTimer("ticking", c.Message, c.Interval);
            Sender.Tell("ticking", Self);
        });
        Receive<string>(s => s == "keepalive", _ => _lastMessage = Stopwatch.GetTimestamp());
        Receive<string>(s => s == "get", _ =>
        {
            _lastMessage = Stopwatch.GetTimestamp();
            Sender.Tell(Context.ReceiveTimeout?.ToString() ?? "none", Self);
        });
    }

    public ITimerScheduler Timers { get; set; } = null!;
}
