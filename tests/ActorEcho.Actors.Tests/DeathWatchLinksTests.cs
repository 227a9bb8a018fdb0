using ActorEcho.Actors.Internal;
using Xunit.Abstractions;

namespace ActorEcho.Actors.Tests;

/// <summary>The death-watch bookkeeping's first-link field and overflow tables behave as one set.</summary>
public sealed class DeathWatchLinksTests(ITestOutputHelper output) : ActorEcho.TestKit.TestKit(output: output)
{
    [Fact]
    public void AddWatchee_SameSubjectInFieldOrTable_AddedOnceAndMessageUpdated()
    {
        var (a, b) = (CreateTestProbe().Ref, CreateTestProbe().Ref);
        var links = new DeathWatchLinks();

        Assert.True(links.AddWatchee(a, "first"));
        Assert.True(links.AddWatchee(b, null));
        Assert.False(links.AddWatchee(a, "changed"));
        Assert.False(links.AddWatchee(b, "b-message"));

        Assert.True(links.RemoveWatchee(a, out var aMessage));
        Assert.Equal("changed", aMessage);
        Assert.True(links.RemoveWatchee(b, out var bMessage));
        Assert.Equal("b-message", bMessage);
        Assert.False(links.RemoveWatchee(a, out _));
    }

    [Fact]
    public void AddWatchee_AfterTheFirstWasRemoved_SubjectInTableIsNotAddedTwice()
    {
        var (a, b) = (CreateTestProbe().Ref, CreateTestProbe().Ref);
        var links = new DeathWatchLinks();
        links.AddWatchee(a, null);
        links.AddWatchee(b, null);
        links.RemoveWatchee(a, out _);

        Assert.False(links.AddWatchee(b, null));
        links.TakeWatchees(out var first, out var others);

        Assert.Null(first);
        Assert.Equal([b], others!);
    }

    [Fact]
    public void AddWatcher_Duplicates_EachWatcherTakenOnce()
    {
        var watchers = Enumerable.Range(0, 3).Select(_ => (IInternalActorRef)CreateTestProbe().Ref).ToArray();
        var links = new DeathWatchLinks();
        foreach (var watcher in watchers.Concat(watchers))
        {
            links.AddWatcher(watcher);
        }

        links.RemoveWatcher(watchers[1]);
        links.TakeWatchers(out var first, out var others);

        var taken = (others ?? []).Prepend(first!).ToList();
        Assert.Equal(2, taken.Count);
        Assert.Contains(watchers[0], taken);
        Assert.Contains(watchers[2], taken);

        links.TakeWatchers(out first, out others);
        Assert.Null(first);
        Assert.Null(others);
    }
}
