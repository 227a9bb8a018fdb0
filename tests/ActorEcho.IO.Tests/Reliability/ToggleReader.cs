using ActorEcho.Actors;

namespace ActorEcho.IO.Tests.Reliability;

/// <summary>What a <see cref="ToggleReader"/> collected by the peer's FIN.</summary>
public sealed record ToggleReport(byte[] Data, int Suspends, int Resumes, int ReceivedWhileSuspended);

/// <summary>
/// A connection handler that keeps every byte it receives and, driven by a seeded random pattern, suspends reading after some chunks
/// and resumes it after a random pause (at once through its own mailbox, or after 1-3 ms on the scheduler); now and then it repeats
/// a Suspend or Resume to check that they are idempotent. It reports the bytes it holds to <see cref="ProgressGate"/>. At the peer's FIN it resumes and reports what it collected.
/// </summary>
public sealed class ToggleReader(IActorRef connection, IActorRef report, int seed, ProgressGate progress) : ActorBase
{
    private readonly Random _random = new(seed);
    private readonly MemoryStream _data = new();
    private bool _suspended;
    private int _suspends;
    private int _resumes;
    private int _receivedWhileSuspended;

    public static Props CreateProps(IActorRef connection, IActorRef report, int seed, ProgressGate progress) =>
        Props.Create(() => new ToggleReader(connection, report, seed, progress));

    protected override bool Receive(object message)
    {
        switch (message)
        {
            case IO.Tcp.Received received:
                _data.Write(received.Data.ToArray());
                progress.Advance(_data.Length);
                if (_suspended)
                {
                    _receivedWhileSuspended++; // allowed: a chunk read before the Suspend took effect
                }
                else if (_random.Next(3) == 0)
                {
                    Suspend();
                }

                return true;
            case ResumeNow:
                Resume();
                return true;
            case IO.Tcp.PeerClosed:
                report.Tell(new ToggleReport(_data.ToArray(), _suspends, _resumes, _receivedWhileSuspended), Self);
                return true;
            default:
                return false;
        }
    }

    private void Suspend()
    {
        _suspended = true;
        _suspends++;
        connection.Tell(IO.Tcp.SuspendReading.Instance, Self);
        if (_random.Next(8) == 0)
        {
            connection.Tell(IO.Tcp.SuspendReading.Instance, Self);
        }

        var pause = _random.Next(4);
        if (pause == 0)
        {
            Self.Tell(ResumeNow.Instance, Self);
        }
        else
        {
            Context.System.Scheduler.ScheduleTellOnce(TimeSpan.FromMilliseconds(pause), Self, ResumeNow.Instance, Self);
        }
    }

    private void Resume()
    {
        _suspended = false;
        _resumes++;
        connection.Tell(IO.Tcp.ResumeReading.Instance, Self);
        if (_random.Next(8) == 0)
        {
            connection.Tell(IO.Tcp.ResumeReading.Instance, Self);
        }
    }

    private sealed class ResumeNow
    {
        public static ResumeNow Instance { get; } = new();
    }
}
