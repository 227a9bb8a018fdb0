using ActorEcho.Actors.Internal;
using Xunit.Abstractions;

namespace ActorEcho.Actors.Tests;

/// <summary>
/// A child on an inline dispatcher (io-dispatcher) is created on its parent's thread, inside <c>ActorOf</c>. That must look like any
/// other creation: no state of the creating thread leaks into the child (a factory that creates another actor first still works; the
/// parent's async synchronization context is not the child's).
/// </summary>
public sealed class InlineCreateTests(ITestOutputHelper output) : ActorEcho.TestKit.TestKit(null, output)
{
    private const string Io = "io-dispatcher";

    [Fact]
    public async Task FactoryThatCreatesAnotherIoActorFirst_StillCreatesItsOwnActor()
    {
        var creator = Sys.ActorOf(Props.Create(() => new Creator(TestActor)));

        creator.Tell("go", TestActor);

        await ExpectMsgAsync("outer-created");
    }

    [Fact]
    public async Task ChildCreatedInlineFromAnAsyncHandler_HasNoSynchronizationContextOfItsParent()
    {
        var parent = Sys.ActorOf(Props.Create(() => new AsyncParent(TestActor)), "parent");

        parent.Tell("go", TestActor);

        Assert.Equal("ctor-context:none", await ExpectMsgAsync<string>());
        Assert.Equal("continuation-on:none", await ExpectMsgAsync<string>()); // not on the parent's turn (nor the child's)
    }

    private sealed class Helper : ActorBase
    {
        protected override bool Receive(object message) => true;
    }

    private sealed class Outer : ActorBase
    {
        public Outer(IActorRef helper, IActorRef probe)
        {
            _ = helper;
            probe.Tell("outer-created");
        }

        protected override bool Receive(object message) => true;
    }

    private sealed class Creator(IActorRef probe) : ActorBase
    {
        protected override bool Receive(object message)
        {
            var system = Context.System;

            // The factory creates a helper (created inline, nested) before the actor it returns.
            Context.ActorOf(Props.Create(() => new Outer(system.ActorOf(Props.Create(() => new Helper()).WithDispatcher(Io)), probe)).WithDispatcher(Io));
            return true;
        }
    }

    private sealed class AwaitingChild : ActorBase
    {
        private readonly IActorRef _probe;

        public AwaitingChild(IActorRef probe)
        {
            _probe = probe;
            probe.Tell("ctor-context:" + (SynchronizationContext.Current is null ? "none" : SynchronizationContext.Current.GetType().Name));
        }

        protected override void PreStart() => _ = ReportWhereItResumesAsync();

        protected override bool Receive(object message) => true;

        private async Task ReportWhereItResumesAsync()
        {
            await Task.Delay(20);
            _probe.Tell("continuation-on:" + (ActorCell.Current?.Self.Path.Name ?? "none"));
        }
    }

    private sealed class AsyncParent : ReceiveActor
    {
        public AsyncParent(IActorRef probe) =>
            ReceiveAsync<string>(async _ =>
            {
                Context.ActorOf(Props.Create(() => new AwaitingChild(probe)).WithDispatcher(Io), "child");
                await Task.Delay(200);
            });
    }
}
