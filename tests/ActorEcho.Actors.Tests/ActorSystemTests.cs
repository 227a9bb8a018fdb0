using ActorEcho.Actors.Tests.Infrastructure.Runtime;
using Xunit.Abstractions;

namespace ActorEcho.Actors.Tests;

/// <summary>ActorSystem and hierarchy: names, paths, Child/Children, creation after termination, bad input.</summary>
public sealed class ActorSystemTests(ITestOutputHelper output) : ActorEcho.TestKit.TestKit(output: output, systemName: "sys-tests")
{
    private static readonly TimeSpan s_ask = TimeSpan.FromSeconds(3);

    private IActorRef Parent(string name = "a") => Sys.ActorOf(Props.Create(() => new ParentActor()), name);

    [Theory]
    [InlineData("")]
    [InlineData("$x")]
    [InlineData("a/b")]
    [InlineData("a b")]
    [InlineData("a?b")]
    [InlineData("a#b")]
    [InlineData("ü")]
    public void ActorOf_InvalidName_ThrowsInvalidActorNameException(string name)
    {
        Assert.Throws<InvalidActorNameException>(() => Sys.ActorOf(Props.Create<EchoActor>(), name));
    }

    [Theory]
    [InlineData("a-b_c")]
    [InlineData("x.y")]
    [InlineData("name$1")]
    [InlineData("a+b:c@d&e=f,g!h~i'j;k*l")]
    public void ActorOf_ValidName_UsesItAsLastPathElement(string name)
    {
        var actor = Sys.ActorOf(Props.Create<EchoActor>(), name);

        Assert.Equal(name, actor.Path.Name);
        Assert.Equal($"actorecho://sys-tests/user/{name}", actor.Path.ToString());
    }

    [Fact]
    public async Task ContextActorOf_InvalidName_ThrowsInvalidActorNameException()
    {
        var parent = Parent();

        await Assert.ThrowsAsync<InvalidActorNameException>(() => parent.Ask<IActorRef>(new CreateChild("a b"), s_ask));
        await Assert.ThrowsAsync<InvalidActorNameException>(() => parent.Ask<IActorRef>(new CreateChild("$x"), s_ask));
    }

    [Fact]
    public void ActorOf_DuplicateTopLevelName_ThrowsInvalidActorNameException()
    {
        Sys.ActorOf(Props.Create<EchoActor>(), "twin");

        var ex = Assert.Throws<InvalidActorNameException>(() => Sys.ActorOf(Props.Create<EchoActor>(), "twin"));
        Assert.Contains("twin", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ContextActorOf_DuplicateChildName_ThrowsInvalidActorNameException()
    {
        var parent = Parent();
        await parent.Ask<IActorRef>(new CreateChild("b"), s_ask);

        await Assert.ThrowsAsync<InvalidActorNameException>(() => parent.Ask<IActorRef>(new CreateChild("b"), s_ask));
    }

    [Fact]
    public void ActorOf_NoName_GeneratesDistinctReservedNames()
    {
        var first = Sys.ActorOf(Props.Create<EchoActor>());
        var second = Sys.ActorOf(Props.Create<EchoActor>());

        Assert.StartsWith("$", first.Path.Name, StringComparison.Ordinal);
        Assert.StartsWith("$", second.Path.Name, StringComparison.Ordinal);
        Assert.NotEqual(first.Path.Name, second.Path.Name);
    }

    [Fact]
    public async Task ActorOf_NameOfStoppedActor_IsReusableOnceStopped()
    {
        var old = Sys.ActorOf(Props.Create<EchoActor>(), "reused");
        await WatchAsync(old);
        Sys.Stop(old);
        await ExpectTerminatedAsync(old);

        IActorRef? fresh = null;
        await AwaitAssertAsync(() => fresh = Sys.ActorOf(Props.Create<EchoActor>(), "reused"), TimeSpan.FromSeconds(2), TimeSpan.FromMilliseconds(10));

        Assert.Equal(old.Path, fresh!.Path);
        Assert.NotEqual(old, fresh);
        Assert.Equal("hi", await fresh.Ask<string>("hi", s_ask));
    }

    [Fact]
    public async Task ActorOf_AfterSystemTerminated_ThrowsIllegalActorStateException()
    {
        await Sys.Terminate().WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Throws<IllegalActorStateException>(() => Sys.ActorOf(Props.Create<EchoActor>(), "late"));
        Assert.Throws<IllegalActorStateException>(() => Sys.ActorOf(Props.Create<EchoActor>()));
    }

    [Fact]
    public async Task ContextActorOf_InPostStop_ThrowsIllegalActorStateException()
    {
        var actor = Sys.ActorOf(Props.Create(() => new CreatesChildInPostStopActor(TestActor)), "stopping");

        Sys.Stop(actor);

        await ExpectMsgAsync<IllegalActorStateException>();
    }

    [Fact]
    public void ActorOf_NullProps_ThrowsArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => Sys.ActorOf(null!, "x"));
    }

    [Fact]
    public void PropsCreate_NonActorType_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => Props.Create(typeof(string)));
    }

    [Fact]
    public void Constructor_CalledWithNew_ThrowsIllegalActorStateException()
    {
        Assert.Throws<IllegalActorStateException>(() => new EchoActor());
    }

    [Fact]
    public void Tell_NullToLocalActor_ThrowsInvalidMessageException()
    {
        var actor = Sys.ActorOf(Props.Create<EchoActor>(), "target");

        Assert.Throws<InvalidMessageException>(() => actor.Tell(null!, TestActor));
        Assert.Throws<InvalidMessageException>(() => actor.Tell(null!));
    }

    [Fact]
    public void Tell_NullToDeadLetters_ThrowsInvalidMessageException()
    {
        Assert.Throws<InvalidMessageException>(() => Sys.DeadLetters.Tell(null!, TestActor));
    }

    [Fact]
    public void Tell_NullToNobody_ThrowsInvalidMessageException()
    {
        // IActorRef.Tell documents InvalidMessageException for a null message, whatever the reference.
        Assert.Throws<InvalidMessageException>(() => ActorRefs.Nobody.Tell(null!, TestActor));
    }

    [Fact]
    public async Task Tell_NullToStoppedActor_ThrowsInvalidMessageException()
    {
        var actor = Sys.ActorOf(Props.Create<EchoActor>(), "target");
        await WatchAsync(actor);
        Sys.Stop(actor);
        await ExpectTerminatedAsync(actor);

        Assert.Throws<InvalidMessageException>(() => actor.Tell(null!, TestActor));
    }

    [Theory]
    [InlineData("")]
    [InlineData("a b")]
    [InlineData("-abc")]
    [InlineData("_abc")]
    [InlineData("a.b")]
    [InlineData("sys/1")]
    public void Create_InvalidSystemName_ThrowsInvalidActorNameException(string name)
    {
        Assert.Throws<InvalidActorNameException>(() => ActorSystem.Create(name));
    }

    [Fact]
    public void Create_NullSystemName_ThrowsArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => ActorSystem.Create(null!));
    }

    [Fact]
    public async Task Create_ValidSystemName_UsesItInPaths()
    {
        await using var system = ActorSystem.Create("Other-system_2");

        var actor = system.ActorOf(Props.Create<EchoActor>(), "x");

        Assert.Equal("actorecho://Other-system_2/user/x", actor.Path.ToString());
        Assert.Equal("Other-system_2", actor.Path.SystemName);
    }

    [Fact]
    public async Task Path_NestedChild_LooksLikeSchemeSystemUserParentChild()
    {
        var a = Parent("a");
        var b = await a.Ask<IActorRef>(new CreateChild("b"), s_ask);

        Assert.Equal("actorecho://sys-tests/user/a/b", b.Path.ToString());
        Assert.Equal("b", b.Path.Name);
        Assert.Equal(a.Path, b.Path.Parent);
        Assert.Equal(new[] { "user", "a", "b" }, b.Path.Elements);
        Assert.Equal(3, b.Path.Depth);
        Assert.Equal("sys-tests", b.Path.SystemName);
        Assert.Equal("actorecho://sys-tests/deadLetters", Sys.DeadLetters.Path.ToString());
    }

    [Fact]
    public async Task ContextChild_MissingName_ReturnsNobody()
    {
        var parent = Parent();

        var child = await parent.Ask<IActorRef>(new GetChild("x"), s_ask);

        Assert.True(child.IsNobody());
        Assert.Same(ActorRefs.Nobody, child);
    }

    [Fact]
    public async Task ContextChild_ExistingName_ReturnsThatChild()
    {
        var parent = Parent();
        var created = await parent.Ask<IActorRef>(new CreateChild("x"), s_ask);

        var found = await parent.Ask<IActorRef>(new GetChild("x"), s_ask);

        Assert.Equal(created, found);
    }

    [Fact]
    public async Task Children_AfterContextStopOfOne_ListsOnlyLiveChildren()
    {
        var parent = Parent();
        foreach (var name in new[] { "c1", "c2", "c3" })
        {
            await parent.Ask<IActorRef>(new CreateChild(name), s_ask);
        }

        Assert.Equal(new[] { "c1", "c2", "c3" }, await parent.Ask<string[]>(new GetChildren(), s_ask));
        Assert.Equal(new[] { "c1", "c3" }, await parent.Ask<string[]>(new StopChild("c2"), s_ask));
        Assert.True((await parent.Ask<IActorRef>(new GetChild("c2"), s_ask)).IsNobody());
    }

    [Fact]
    public async Task Tell_OneArgument_SenderIsCurrentActorInsideAndNoSenderOutside()
    {
        var reporter = Sys.ActorOf(Props.Create(() => new SenderReporterActor(TestActor)), "reporter");
        var viaActor = Sys.ActorOf(Props.Create(() => new SenderReporterActor(TestActor)), "via");

        reporter.Tell("from outside");
        Assert.Equal(Sys.DeadLetters, await ExpectMsgAsync<IActorRef>());

        viaActor.Tell(new SendVia(reporter, "from inside"), TestActor);
        Assert.Equal(viaActor, await ExpectMsgAsync<IActorRef>());
    }

    [Fact]
    public async Task ActorRef_SamePathNewIncarnation_IsNotEqualToOldRef()
    {
        var parent = Parent();
        var first = await parent.Ask<IActorRef>(new CreateChild("inc"), s_ask);
        await parent.Ask<string[]>(new StopChild("inc"), s_ask);

        IActorRef? second = null;
        await AwaitAssertAsync(
            async () => second = await parent.Ask<IActorRef>(new CreateChild("inc"), s_ask),
            TimeSpan.FromSeconds(2),
            TimeSpan.FromMilliseconds(10));

        Assert.Equal(first.Path, second!.Path);
        Assert.NotEqual(first, second);
        Assert.NotEqual(first.Path.Uid, second.Path.Uid);
    }
}
