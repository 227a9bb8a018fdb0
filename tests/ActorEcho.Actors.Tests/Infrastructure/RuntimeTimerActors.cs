namespace ActorEcho.Actors.Tests.Infrastructure.Runtime;

/// <summary>A timer's payload, forwarded to the probe when it fires.</summary>
public sealed record TimerTick(string Name);

/// <summary>Starts a single timer; acknowledged with "started:Key" to the sender.</summary>
public sealed record StartSingle(string Key, object Message, TimeSpan Delay);

/// <summary>Starts a periodic timer; acknowledged with "started:Key" to the sender.</summary>
public sealed record StartPeriodic(string Key, object Message, TimeSpan Interval);

/// <summary>Starts a timer and at once replaces it (same key) in one handler; acknowledged with "replaced:Key".</summary>
public sealed record StartThenReplace(string Key, StartSingle First, StartSingle Second);

/// <summary>Cancels a timer (or all, when Key is null); acknowledged with "cancelled:Key".</summary>
public sealed record CancelTimer(string? Key);

/// <summary>Replies IsTimerActive(Key).</summary>
public sealed record QueryTimer(string Key);

/// <summary>An IWithTimers actor driven by commands; tells <c>probe</c> every <see cref="TimerTick"/> it gets and "restarted" after a restart.</summary>
public sealed class TimerActor : ReceiveActor, IWithTimers
{
    private readonly IActorRef _probe;

    public TimerActor(IActorRef probe)
    {
        _probe = probe;
        Receive<StartSingle>(c =>
        {
            Timers.StartSingleTimer(c.Key, c.Message, c.Delay);
            Sender.Tell("started:" + c.Key, Self);
        });
        Receive<StartPeriodic>(c =>
        {
            Timers.StartPeriodicTimer(c.Key, c.Message, c.Interval);
            Sender.Tell("started:" + c.Key, Self);
        });
        Receive<StartThenReplace>(c =>
        {
            Timers.StartSingleTimer(c.Key, c.First.Message, c.First.Delay);
            Timers.StartSingleTimer(c.Key, c.Second.Message, c.Second.Delay);
            Sender.Tell("replaced:" + c.Key, Self);
        });
        Receive<CancelTimer>(c =>
        {
            if (c.Key is null)
            {
                Timers.CancelAll();
            }
            else
            {
                Timers.Cancel(c.Key);
            }

            Sender.Tell("cancelled:" + (c.Key ?? "all"), Self);
        });
        Receive<QueryTimer>(q => Sender.Tell(Timers.IsTimerActive(q.Key), Self));
        Receive<TimerTick>(t => probe.Tell(t, Self));
        Receive<string>(s => s == "crash", _ => throw new InvalidOperationException("crash"));
    }

    public ITimerScheduler Timers { get; set; } = null!;

    protected override void PostRestart(Exception reason) => _probe.Tell("restarted", Self);
}
