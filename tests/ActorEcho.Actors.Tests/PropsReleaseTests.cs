using Xunit.Abstractions;

namespace ActorEcho.Actors.Tests;

/// <summary>
/// <see cref="Props.Create{TActor}(Func{TActor}, Action{TActor})"/>: the release callback sees every discarded instance exactly once,
/// after its last hook (PostStop on stop, PreRestart on restart), so resources an instance owns can be freed with it.
/// </summary>
public sealed class PropsReleaseTests(ITestOutputHelper output) : ActorEcho.TestKit.TestKit(output: output)
{
    [Fact]
    public async Task Release_ActorStops_CalledOnceAfterPostStop()
    {
        var actor = Sys.ActorOf(ReleaseProps(TestActor), "a");
        await ExpectMsgAsync("ctor 1");

        Sys.Stop(actor);

        await ExpectMsgAsync("PostStop 1");
        await ExpectMsgAsync("released 1");
        await ExpectNoMsgAsync();
    }

    [Fact]
    public async Task Release_ActorRestarts_OldInstanceReleasedBeforeNewOneIsCreated()
    {
        var actor = Sys.ActorOf(ReleaseProps(TestActor), "a");
        await ExpectMsgAsync("ctor 1");

        actor.Tell("fail", TestActor);

        await ExpectMsgAsync("PreRestart 1");
        await ExpectMsgAsync("released 1");
        await ExpectMsgAsync("ctor 2");
        Sys.Stop(actor);
        await ExpectMsgAsync("PostStop 2");
        await ExpectMsgAsync("released 2");
        await ExpectNoMsgAsync();
    }

    [Fact]
    public async Task Release_KeptByWithDispatcherWithMailboxAndWithSupervisorStrategy()
    {
        var props = ReleaseProps(TestActor)
            .WithDispatcher(Props.DefaultDispatcherId)
            .WithMailbox(Props.DefaultMailboxId)
            .WithSupervisorStrategy(Supervision.SupervisorStrategy.StoppingStrategy);
        var actor = Sys.ActorOf(props, "a");
        await ExpectMsgAsync("ctor 1");

        Sys.Stop(actor);

        await ExpectMsgAsync("PostStop 1");
        await ExpectMsgAsync("released 1");
    }

    [Fact]
    public async Task Release_CallbackThrows_ActorStillStopsAndWatchersHearOfIt()
    {
        var instances = 0;
        var probe = TestActor;
        var props = Props.Create(() => new ReleasedActor(probe, ++instances), _ => throw new InvalidOperationException("release failed"));
        var actor = await WatchAsync(Sys.ActorOf(props, "a"));
        await ExpectMsgAsync("ctor 1");

        await EventFilter.Error(contains: "release failed").ExpectOneAsync(() =>
        {
            Sys.Stop(actor);
            return Task.CompletedTask;
        });

        await ExpectMsgAsync("PostStop 1");
        await ExpectTerminatedAsync(actor);
    }

    [Fact]
    public void Create_NullRelease_Throws() =>
        Assert.Throws<ArgumentNullException>(() => Props.Create(() => new ReleasedActor(ActorRefs.Nobody, 1), null!));

    private static Props ReleaseProps(IActorRef probe)
    {
        var instances = 0;
        return Props.Create(() => new ReleasedActor(probe, ++instances), actor => probe.Tell("released " + actor.Instance, null));
    }

    private sealed class ReleasedActor : ActorBase
    {
        private readonly IActorRef _probe;

        public ReleasedActor(IActorRef probe, int instance)
        {
            _probe = probe;
            Instance = instance;
            probe.Tell("ctor " + instance, null);
        }

        public int Instance { get; }

        protected override bool Receive(object message)
        {
            if (message is "fail")
            {
                throw new InvalidOperationException("boom");
            }

            return false;
        }

        protected override void PreRestart(Exception reason, object? message) => _probe.Tell("PreRestart " + Instance, null);

        protected override void PostStop() => _probe.Tell("PostStop " + Instance, null);
    }
}
