using ActorEcho.Actors.Event;
using ActorEcho.Actors.Tests.Infrastructure.Runtime;
using Xunit.Abstractions;

namespace ActorEcho.Actors.Tests;

/// <summary>ReceiveActor: typed handlers, predicates, ReceiveAny, ReceiveAsync, Become/BecomeStacked/UnbecomeStacked.</summary>
public sealed class ReceiveActorTests(ITestOutputHelper output) : ActorEcho.TestKit.TestKit(output: output)
{
    private static readonly TimeSpan s_ask = TimeSpan.FromSeconds(3);

    private static TaskCompletionSource NewGate() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private async Task<string> MoodAfterAsync(IActorRef actor, params string[] commands)
    {
        foreach (var command in commands)
        {
            actor.Tell(command, TestActor);
        }

        return await actor.Ask<string>("get", s_ask);
    }

    [Fact]
    public async Task Receive_TypedHandlersWithPredicates_FirstMatchingHandlerInRegistrationOrderWins()
    {
        var actor = Sys.ActorOf(Props.Create(() => new TypedHandlersActor(TestActor)), "typed");

        actor.Tell(-3, TestActor);
        actor.Tell(4, TestActor);
        actor.Tell(7, TestActor);
        actor.Tell("maybe-yes", TestActor);
        actor.Tell("plain", TestActor);
        actor.Tell(2.5, TestActor);

        await ExpectMsgAsync("negative:-3");
        await ExpectMsgAsync("even:4");
        await ExpectMsgAsync("int:7");
        await ExpectMsgAsync("func:maybe-yes");
        await ExpectMsgAsync("string:plain");
        await ExpectMsgAsync("any:Double");
        await ExpectNoMsgAsync();
    }

    [Fact]
    public async Task Receive_FuncHandlerReturnsFalse_MessageFallsThroughToNextHandler()
    {
        var actor = Sys.ActorOf(Props.Create(() => new TypedHandlersActor(TestActor)), "typed");

        actor.Tell("nope", TestActor);

        await ExpectMsgAsync("string:nope");
        await ExpectNoMsgAsync();
    }

    [Fact]
    public async Task Receive_NoHandlerMatches_PublishesUnhandledMessage()
    {
        var unhandled = CreateTestProbe();
        Sys.EventStream.Subscribe(unhandled.Ref, typeof(UnhandledMessage));
        var actor = Sys.ActorOf(Props.Create(() => new StringOnlyActor(TestActor)), "strings");

        actor.Tell(42, TestActor);
        actor.Tell("after", TestActor);

        var message = await unhandled.ExpectMsgAsync<UnhandledMessage>();
        Assert.Equal(42, message.Message);
        Assert.Equal(TestActor, message.Sender);
        Assert.Equal(actor, message.Recipient);
        await ExpectMsgAsync("string:after");
    }

    [Fact]
    public async Task Become_NewBehavior_ReplacesCurrentBehavior()
    {
        var actor = Sys.ActorOf(Props.Create(() => new MoodActor()), "mood");

        Assert.Equal("initial", await MoodAfterAsync(actor));
        Assert.Equal("happy", await MoodAfterAsync(actor, "become:happy"));
        Assert.Equal("sad", await MoodAfterAsync(actor, "become:sad"));
    }

    [Fact]
    public async Task UnbecomeStacked_AfterTwoBecomeStacked_PopsBackInReverseOrder()
    {
        var actor = Sys.ActorOf(Props.Create(() => new MoodActor()), "mood");

        Assert.Equal("b", await MoodAfterAsync(actor, "push:a", "push:b"));
        Assert.Equal("a", await MoodAfterAsync(actor, "unbecome"));
        Assert.Equal("initial", await MoodAfterAsync(actor, "unbecome"));
    }

    [Fact]
    public async Task UnbecomeStacked_AfterBecomeThenBecomeStacked_ReturnsToBecomeBehavior()
    {
        // Akka.NET: Become replaces the top of the behaviour stack, BecomeStacked pushes, UnbecomeStacked pops,
        // so become:happy, push:angry, unbecome leaves "happy" on top.
        var actor = Sys.ActorOf(Props.Create(() => new MoodActor()), "mood");

        Assert.Equal("angry", await MoodAfterAsync(actor, "become:happy", "push:angry"));
        Assert.Equal("happy", await MoodAfterAsync(actor, "unbecome"));
    }

    [Fact]
    public async Task Become_WhileStacked_ReplacesTopOfStack()
    {
        var actor = Sys.ActorOf(Props.Create(() => new MoodActor()), "mood");

        Assert.Equal("sad", await MoodAfterAsync(actor, "push:angry", "become:sad"));
        Assert.Equal("initial", await MoodAfterAsync(actor, "unbecome"));
    }

    [Fact]
    public async Task UnbecomeStacked_WithEmptyStack_KeepsInitialBehavior()
    {
        var actor = Sys.ActorOf(Props.Create(() => new MoodActor()), "mood");

        Assert.Equal("initial", await MoodAfterAsync(actor, "unbecome", "unbecome"));
    }

    [Fact]
    public async Task Restart_AfterBecome_StartsWithInitialBehavior()
    {
        var actor = Sys.ActorOf(Props.Create(() => new MoodActor()), "mood");
        Assert.Equal("b", await MoodAfterAsync(actor, "become:a", "push:b"));

        Assert.Equal("initial", await MoodAfterAsync(actor, "crash"));
        Assert.Equal("initial", await MoodAfterAsync(actor, "unbecome"));
    }

    [Fact]
    public async Task Receive_RegisteredInHandlerAfterConstruction_ThrowsInvalidOperationException()
    {
        var actor = Sys.ActorOf(Props.Create(() => new LateRegistrationActor(TestActor, false)), "late");

        actor.Tell("register", TestActor);

        var ex = await ExpectMsgAsync<InvalidOperationException>();
        Assert.Contains("constructor", ex.Message, StringComparison.Ordinal);
        Assert.Equal("pong", await actor.Ask<string>("ping", s_ask));
    }

    [Fact]
    public async Task Receive_RegisteredInPreStart_ThrowsInvalidOperationException()
    {
        Sys.ActorOf(Props.Create(() => new LateRegistrationActor(TestActor, true)), "late-prestart");

        await ExpectMsgAsync<InvalidOperationException>();
        await ExpectNoMsgAsync();
    }

    [Fact]
    public async Task ReceiveAsync_WhileTaskPending_DoesNotProcessNextMessage()
    {
        var actor = Sys.ActorOf(Props.Create(() => new AsyncWorkActor(TestActor)), "async");
        var gate1 = NewGate();
        var gate2 = NewGate();

        actor.Tell(new AsyncWork("1", gate1), TestActor);
        actor.Tell(new AsyncWork("2", gate2), TestActor);
        actor.Tell("ping", TestActor);

        await ExpectMsgAsync("start:1");
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(200));
        gate1.SetResult();
        await ExpectMsgAsync("end:1");
        await ExpectMsgAsync("done:1");
        await ExpectMsgAsync("start:2");
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(150));
        gate2.SetResult();
        await ExpectMsgAsync("end:2");
        await ExpectMsgAsync("done:2");
        await ExpectMsgAsync("pong");
    }

    [Fact]
    public async Task ReceiveAsync_AfterAwait_SenderIsStillTheOriginalSender()
    {
        var observer = CreateTestProbe();
        var first = CreateTestProbe();
        var second = CreateTestProbe();
        var actor = Sys.ActorOf(Props.Create(() => new AsyncWorkActor(observer.Ref)), "async");
        var gate = NewGate();

        first.Send(actor, new AsyncWork("a", gate));
        await observer.ExpectMsgAsync("start:a");
        second.Send(actor, "ping"); // queued while the handler awaits
        gate.SetResult();

        await first.ExpectMsgAsync("done:a");
        Assert.Equal(actor, first.LastSender);
        await second.ExpectMsgAsync("pong");
        await first.ExpectNoMsgAsync();
        await second.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(10));
    }

    [Fact]
    public async Task ReceiveAsync_TaskFaultsAfterAwait_SupervisorRestartsActor()
    {
        var actor = Sys.ActorOf(Props.Create(() => new AsyncWorkActor(TestActor)), "async");
        var gate = NewGate();

        actor.Tell(new AsyncFail(gate), TestActor);
        actor.Tell("ping", TestActor);
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
        gate.SetResult();

        await ExpectMsgAsync("pre-restart:async boom");
        await ExpectMsgAsync("restarted");
        await ExpectMsgAsync("pong"); // the mailbox resumed after the restart
    }

    [Fact]
    public async Task ReceiveAsync_HandlerThrowsBeforeFirstAwait_SupervisorRestartsActor()
    {
        var actor = Sys.ActorOf(Props.Create(() => new AsyncWorkActor(TestActor)), "async");

        actor.Tell(new AsyncFail(NewGate(), Synchronously: true), TestActor);
        actor.Tell("ping", TestActor);

        await ExpectMsgAsync("pre-restart:sync boom");
        await ExpectMsgAsync("restarted");
        await ExpectMsgAsync("pong");
    }

    [Fact]
    public async Task ReceiveAnyAsync_CompletedTask_ProcessesFollowingMessagesAtOnce()
    {
        var actor = Sys.ActorOf(Props.Create(() => new AsyncWorkActor(TestActor)), "async");

        for (var i = 0; i < 100; i++)
        {
            actor.Tell(i, TestActor);
        }

        var received = await ReceiveNAsync(100);
        Assert.Equal(Enumerable.Range(0, 100), received.Cast<int>());
    }

    [Fact]
    public async Task ReceiveAsync_StopWhileTaskPending_StopsWithoutWaitingForTask()
    {
        var actor = Sys.ActorOf(Props.Create(() => new AsyncWorkActor(TestActor)), "async");
        await WatchAsync(actor);
        var gate = NewGate();
        actor.Tell(new AsyncWork("x", gate), TestActor);
        await ExpectMsgAsync("start:x");

        Sys.Stop(actor);

        await ExpectTerminatedAsync(actor);
        gate.SetResult();
        await ExpectNoMsgAsync();
    }
}
