using Xunit.Abstractions;

namespace ActorEcho.Actors.Tests;

/// <summary>
/// A parent watching its own child: the runtime keeps that watch as a flag on the child instead of a message to it and a table entry
/// (the child tells its parent of its death anyway). Same guarantees as any watch: exactly one Terminated (or WatchWith message),
/// none after Unwatch, the latest of Watch and WatchWith wins.
/// </summary>
public sealed class ParentDeathWatchTests(ITestOutputHelper output) : ActorEcho.TestKit.TestKit(output: output)
{
    /// <summary>What the parent is told, in order, and the one notice it must then report (exactly once).</summary>
    [Theory]
    [InlineData("Watch StopChild", "terminated child, existence confirmed")]
    [InlineData("Watch ChildStopsItself", "terminated child, existence confirmed")]
    [InlineData("Watch WatchWith StopChild", "child is gone")]
    [InlineData("WatchWith Watch StopChild", "terminated child, existence confirmed")]
    [InlineData("ChildStopsItself Watch", "terminated child, existence confirmed")] // whether or not the parent processed the death yet
    public async Task WatchOwnChild_ChildDies_ExactlyOneNotice(string commands, string notice)
    {
        var parent = await StartParentAsync();

        foreach (var command in commands.Split(' '))
        {
            parent.Tell(Enum.Parse<Command>(command), TestActor);
        }

        await ExpectMsgAsync(notice);
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public async Task WatchThenUnwatchOwnChild_ChildStops_NoTerminated()
    {
        var parent = await StartParentAsync();

        parent.Tell(Command.Watch, TestActor);
        parent.Tell(Command.Unwatch, TestActor);
        parent.Tell(Command.ChildStopsItself, TestActor);
        parent.Tell(Command.ReportWhenChildGone, TestActor);

        await ExpectMsgAsync("child-gone"); // reported after anything the child's death queued, so a Terminated would have come first
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(200));
    }

    private async Task<IActorRef> StartParentAsync()
    {
        var parent = Sys.ActorOf(Props.Create(() => new Parent(TestActor)));
        parent.Tell(Command.Ping, TestActor);
        await ExpectMsgAsync("pong");
        return parent;
    }

    private enum Command
    {
        Watch,
        WatchWith,
        Unwatch,
        StopChild,
        ChildStopsItself,
        ReportWhenChildGone,
        Ping,
    }

    /// <summary>Creates "child" at start, watches it as told and reports what it hears of it to <c>probe</c>.</summary>
    private sealed class Parent(IActorRef probe) : ActorBase
    {
        private IActorRef _child = ActorRefs.Nobody;

        protected override void PreStart() => _child = Context.ActorOf(Props.Create(() => new Child()), "child");

        protected override bool Receive(object message)
        {
            switch (message)
            {
                case Command.Watch:
                    Context.Watch(_child);
                    return true;
                case Command.WatchWith:
                    Context.WatchWith(_child, "child is gone");
                    return true;
                case Command.Unwatch:
                    Context.Unwatch(_child);
                    return true;
                case Command.StopChild:
                    Context.Stop(_child);
                    return true;
                case Command.ReportWhenChildGone:
                    Self.Tell(CheckGone.Instance, Self);
                    return true;
                case Command.ChildStopsItself:
                    _child.Tell("stop", Self);
                    return true;
                case Command.Ping:
                    probe.Tell("pong", Self);
                    return true;
                case CheckGone:
                    // Once a child that stopped itself is gone, its death was processed: whatever that queued comes before ReportGone.
                    Self.Tell(Context.Child("child").IsNobody() ? ReportGone.Instance : CheckGone.Instance, Self);
                    return true;
                case ReportGone:
                    probe.Tell("child-gone", Self);
                    return true;
                case Terminated terminated:
                    // A Terminated is only delivered to an actor that watches its subject, so the probe gets a description.
                    probe.Tell($"terminated {terminated.ActorRef.Path.Name}{(terminated.ExistenceConfirmed ? ", existence confirmed" : string.Empty)}", Self);
                    return true;
                case "child is gone":
                    probe.Tell(message, Self);
                    return true;
                default:
                    return false;
            }
        }

        private sealed class CheckGone
        {
            public static CheckGone Instance { get; } = new();
        }

        private sealed class ReportGone
        {
            public static ReportGone Instance { get; } = new();
        }
    }

    private sealed class Child : ActorBase
    {
        protected override bool Receive(object message)
        {
            if (message is "stop")
            {
                Context.Stop(Self);
            }

            return true;
        }
    }
}
