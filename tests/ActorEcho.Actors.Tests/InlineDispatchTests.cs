using ActorEcho.Actors.Dispatch;
using ActorEcho.Actors.Internal;
using Xunit.Abstractions;

namespace ActorEcho.Actors.Tests;

/// <summary>
/// Inline runs (<c>inline-depth</c>, the io-dispatcher): an idle actor on such a dispatcher runs on the sender's thread when the
/// sender is an actor's turn or an inline delivery source, never deeper than the limit, and never for plain outside threads.
/// </summary>
public sealed class InlineDispatchTests(ITestOutputHelper output) : ActorEcho.TestKit.TestKit(null, output)
{
    private const string Io = "io-dispatcher";
    private static readonly TimeSpan GateTimeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task TellFromActorTurn_ToIdleIoActor_RunsBeforeTellReturns_OnTheSendersThread()
    {
        var target = Sys.ActorOf(Props.Create(() => new ThreadRecorder()).WithDispatcher(Io));
        var sender = Sys.ActorOf(Props.Create(() => new Sender(target, TestActor)));
        var box = await target.Ask<ThreadRecorder.Box>("box", TimeSpan.FromSeconds(5));
        await AwaitIdleAsync(target);

        sender.Tell(box);

        var report = await ExpectMsgAsync<SendReport>();
        Assert.True(report.TargetRanDuringTell, "the target had not run when Tell returned");
        Assert.Equal(report.SenderThread, report.TargetThread);
    }

    [Fact]
    public async Task TellFromActorTurn_ToDefaultDispatcherActor_IsQueued()
    {
        var target = Sys.ActorOf(Props.Create(() => new GatedReporter(TestActor)));
        var sender = Sys.ActorOf(Props.Create(() => new GateOpeningSender(target)));

        sender.Tell("go");

        Assert.True(await ExpectMsgAsync<bool>(), "the target ran inside the sender's Tell (its gate opened only after Tell returned)");
    }

    [Fact]
    public async Task TellFromPlainThread_ToIdleIoActor_IsQueued()
    {
        var gate = new SemaphoreSlim(0);
        var target = Sys.ActorOf(Props.Create(() => new GatedReporter(TestActor)).WithDispatcher(Io));

        target.Tell(gate);
        gate.Release();

        Assert.True(await ExpectMsgAsync<bool>(), "the target ran inside a Tell from a thread that is no actor and no inline source");
    }

    [Fact]
    public async Task TellFromInlineSource_ToIdleIoActor_RunsOnTheSourceThread()
    {
        var target = Sys.ActorOf(Props.Create(() => new ThreadRecorder()).WithDispatcher(Io));
        var recorded = await target.Ask<ThreadRecorder.Box>("box", TimeSpan.FromSeconds(5));
        await AwaitIdleAsync(target);

        var previous = Mailbox.EnterInlineSource();
        int threadAfterTell;
        try
        {
            target.Tell("record");
            threadAfterTell = Volatile.Read(ref recorded.Thread);
        }
        finally
        {
            Mailbox.ExitInlineSource(previous);
        }

        Assert.Equal(Environment.CurrentManagedThreadId, threadAfterTell);
    }

    [Fact]
    public async Task InlineRuns_NestNoDeeperThanInlineDepth()
    {
        // From an inline source, a chain of idle io actors runs inline on this thread until the depth limit (3); the fourth link
        // must be queued and run from the thread pool (depth 1: a fresh run, not nested). Each link reports its depth and thread.
        var fourth = Sys.ActorOf(Props.Create(() => new DepthReporter(null, TestActor)).WithDispatcher(Io), "fourth");
        var third = Sys.ActorOf(Props.Create(() => new DepthReporter(fourth, TestActor)).WithDispatcher(Io), "third");
        var second = Sys.ActorOf(Props.Create(() => new DepthReporter(third, TestActor)).WithDispatcher(Io), "second");
        var first = Sys.ActorOf(Props.Create(() => new DepthReporter(second, TestActor)).WithDispatcher(Io), "first");
        await AwaitIdleAsync(first, second, third, fourth);

        var previous = Mailbox.EnterInlineSource();
        try
        {
            first.Tell(Environment.CurrentManagedThreadId);
        }
        finally
        {
            Mailbox.ExitInlineSource(previous);
        }

        var reports = new Dictionary<string, DepthReport>();
        foreach (var report in await ReceiveNAsync(4))
        {
            var depthReport = Assert.IsType<DepthReport>(report);
            reports[depthReport.Name] = depthReport;
        }

        Assert.Equal(new DepthReport("first", 1, true), reports["first"]);
        Assert.Equal(new DepthReport("second", 2, true), reports["second"]);
        Assert.Equal(new DepthReport("third", 3, true), reports["third"]);
        Assert.True(reports["fourth"].Depth == 1, $"the fourth link ran at depth {reports["fourth"].Depth}: nested although inline-depth is 3");
    }

    [Fact]
    public async Task PingPong_BetweenIoActors_CompletesInOrderWithoutDeepRecursion()
    {
        const int RoundTrips = 20_000;
        var ponger = Sys.ActorOf(Props.Create(() => new Ponger()).WithDispatcher(Io));
        var pinger = Sys.ActorOf(Props.Create(() => new Pinger(ponger, RoundTrips, TestActor)).WithDispatcher(Io));

        pinger.Tell(0);

        Assert.Equal(RoundTrips, await ExpectMsgAsync<int>(TimeSpan.FromSeconds(30)));
    }

    private async Task AwaitIdleAsync(params IActorRef[] actors) =>
        await AwaitConditionAsync(() => actors.All(a => ((LocalActorRef)a).Cell.Mailbox.IsIdle), TimeSpan.FromSeconds(5));

    private sealed record DepthReport(string Name, int Depth, bool OnSourceThread);

    /// <summary>Reports its mailbox depth and thread, then passes the source thread id on.</summary>
    private sealed class DepthReporter : ReceiveActor
    {
        public DepthReporter(IActorRef? next, IActorRef report) =>
            Receive<int>(sourceThread =>
            {
                report.Tell(new DepthReport(Self.Path.Name, Mailbox.CurrentDepth, Environment.CurrentManagedThreadId == sourceThread));
                next?.Tell(sourceThread);
            });
    }

    private sealed record SendReport(bool TargetRanDuringTell, int SenderThread, int TargetThread);

    /// <summary>Records the thread of its last "record" message into a shared box.</summary>
    private sealed class ThreadRecorder : ReceiveActor
    {
        public ThreadRecorder()
        {
            var box = new Box();
            Receive<string>(s => s == "box", _ => Sender.Tell(box));
            Receive<string>(_ => Volatile.Write(ref box.Thread, Environment.CurrentManagedThreadId));
        }

        public sealed class Box
        {
            public int Thread;
        }
    }

    private sealed class Sender : ReceiveActor
    {
        public Sender(IActorRef target, IActorRef report) =>
            Receive<ThreadRecorder.Box>(box =>
            {
                target.Tell("record");
                var after = Volatile.Read(ref box.Thread);
                report.Tell(new SendReport(after != 0, Environment.CurrentManagedThreadId, after));
            });
    }

    /// <summary>Waits (bounded) on the gate it is sent; reports whether the gate opened, i.e. whether it ran after its sender's Tell.</summary>
    private sealed class GatedReporter : ReceiveActor
    {
        public GatedReporter(IActorRef report) =>
            Receive<SemaphoreSlim>(gate => report.Tell(gate.Wait(GateTimeout)));
    }

    /// <summary>Sends a gate to its target and opens it only once the Tell has returned.</summary>
    private sealed class GateOpeningSender : ReceiveActor
    {
        public GateOpeningSender(IActorRef target) =>
            Receive<string>(_ =>
            {
                var gate = new SemaphoreSlim(0);
                target.Tell(gate);
                gate.Release();
            });
    }

    private sealed class Ponger : ReceiveActor
    {
        public Ponger() => Receive<int>(n => Sender.Tell(n + 1));
    }

    private sealed class Pinger : ReceiveActor
    {
        public Pinger(IActorRef ponger, int roundTrips, IActorRef report) =>
            Receive<int>(n =>
            {
                if (n == roundTrips)
                {
                    report.Tell(n);
                    return;
                }

                ponger.Tell(n);
            });
    }
}
