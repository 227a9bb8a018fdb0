using System.Diagnostics;
using ActorEcho.Actors.Tests.Infrastructure.Runtime;
using Xunit.Abstractions;

namespace ActorEcho.Actors.Tests;

/// <summary>Context.SetReceiveTimeout: idle delivery, reset by messages, off with null, INotInfluenceReceiveTimeout.</summary>
public sealed class ReceiveTimeoutTests(ITestOutputHelper output) : ActorEcho.TestKit.TestKit(output: output)
{
    private IActorRef Create(TimeSpan? initial, string name = "idle") =>
        Sys.ActorOf(Props.Create(() => new ReceiveTimeoutActor(TestActor, initial)), name);

    [Fact]
    public async Task SetReceiveTimeout_ActorIdle_DeliversReceiveTimeout()
    {
        var started = Stopwatch.GetTimestamp();

        Create(TimeSpan.FromMilliseconds(100));

        await ExpectMsgAsync<TimedOut>(TimeSpan.FromSeconds(2));
        Assert.True(Stopwatch.GetElapsedTime(started) >= TimeSpan.FromMilliseconds(90), "ReceiveTimeout came before the timeout");
    }

    [Fact]
    public async Task SetReceiveTimeout_StillIdleAfterFirstTimeout_FiresAgain()
    {
        // Akka.NET: "once set, the receive timeout stays in effect (i.e. continues firing repeatedly after inactivity periods)".
        Create(TimeSpan.FromMilliseconds(100));

        await ExpectMsgAsync<TimedOut>(TimeSpan.FromSeconds(2));
        await ExpectMsgAsync<TimedOut>(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task SetReceiveTimeout_OrdinaryMessagesKeepArriving_ResetsTimeout()
    {
        var actor = Create(TimeSpan.FromMilliseconds(250));
        var keepAlive = Sys.Scheduler.ScheduleTellRepeatedly(TimeSpan.Zero, TimeSpan.FromMilliseconds(40), actor, "keepalive", null);
        var window = TimeSpan.FromMilliseconds(700);
        var watching = System.Diagnostics.Stopwatch.StartNew();
        var early = new List<TimedOut>();
        try
        {
            // A loaded machine may delay the keep-alive timer past the timeout; such a timeout is right. One that fires although a
            // message arrived within the timeout is the bug this test looks for.
            while (watching.Elapsed < window)
            {
                TimedOut timedOut;
                try
                {
                    timedOut = await ExpectMsgAsync<TimedOut>(window - watching.Elapsed);
                }
                catch (ActorEcho.TestKit.TestKitAssertionException)
                {
                    break; // no timeout within the window
                }

                if (timedOut.SinceLastMessage < TimeSpan.FromMilliseconds(230))
                {
                    early.Add(timedOut);
                }
            }
        }
        finally
        {
            keepAlive.Cancel();
        }

        Assert.True(early.Count == 0, "receive timeout fired although messages kept arriving: " + string.Join(", ", early));
        await FishForMessageAsync<TimedOut>(t => t.SinceLastMessage >= TimeSpan.FromMilliseconds(230), TimeSpan.FromSeconds(3), "the timeout once the messages stop");
    }

    [Fact]
    public async Task SetReceiveTimeout_Null_TurnsItOff()
    {
        var actor = Create(null);

        actor.Tell(new SetTimeout(TimeSpan.FromMilliseconds(150)), TestActor);
        actor.Tell(new SetTimeout(null), TestActor);

        await ExpectMsgAsync("set");
        await ExpectMsgAsync("set");
        Assert.Equal("none", await actor.Ask<string>("get", TimeSpan.FromSeconds(3)));
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(400));
    }

    [Fact]
    public async Task SetReceiveTimeout_SetInHandler_IsReportedByContext()
    {
        var actor = Create(null);

        actor.Tell(new SetTimeout(TimeSpan.FromSeconds(30)), TestActor);
        await ExpectMsgAsync("set");

        Assert.Equal(TimeSpan.FromSeconds(30).ToString(), await actor.Ask<string>("get", TimeSpan.FromSeconds(3)));
    }

    [Fact]
    public async Task ReceiveTimeout_NotInfluenceReceiveTimeoutMessages_DoNotResetIt()
    {
        var actor = Create(TimeSpan.FromMilliseconds(200));
        var nudges = Sys.Scheduler.ScheduleTellRepeatedly(TimeSpan.Zero, TimeSpan.FromMilliseconds(25), actor, Nudge.Instance, null);
        try
        {
            var timedOut = await ExpectMsgAsync<TimedOut>(TimeSpan.FromSeconds(1.5));
            Assert.True(timedOut.Nudges > 0, "no nudge was processed before the timeout, so the test proved nothing");
        }
        finally
        {
            nudges.Cancel();
        }
    }

    [Fact]
    public async Task ReceiveTimeout_PeriodicTimerWithOrdinaryMessage_ResetsIt()
    {
        // Akka.NET: a timer's message influences the receive timeout like any other message, unless the payload itself
        // is INotInfluenceReceiveTimeout (Akka wraps those in TimerMsgNotInfluenceReceiveTimeout).
        var actor = Create(TimeSpan.FromMilliseconds(250));

        actor.Tell(new StartTicking("keepalive", TimeSpan.FromMilliseconds(40)), TestActor);

        await ExpectMsgAsync("ticking");
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(700));
    }

    [Fact]
    public async Task ReceiveTimeout_PeriodicTimerWithNotInfluencePayload_DoesNotResetIt()
    {
        var actor = Create(TimeSpan.FromMilliseconds(200));

        actor.Tell(new StartTicking(Nudge.Instance, TimeSpan.FromMilliseconds(25)), TestActor);

        await ExpectMsgAsync("ticking");
        var timedOut = await ExpectMsgAsync<TimedOut>(TimeSpan.FromSeconds(1.5));
        Assert.True(timedOut.Nudges > 0, "no timer message was processed before the timeout, so the test proved nothing");
    }
}
