using System.Diagnostics;

namespace ActorEcho.TestKit.Tests;

public sealed class AwaitAssertTests : TestKit
{
    [Fact]
    public async Task AwaitAssertAsync_EventuallyPasses_RetriesUntilItDoes()
    {
        var attempts = 0;

        await AwaitAssertAsync(() => Assert.True(++attempts >= 3), TimeSpan.FromSeconds(3), TimeSpan.FromMilliseconds(10));

        Assert.Equal(3, attempts);
    }

    [Fact]
    public async Task AwaitAssertAsync_StateChangedByActor_PassesOnceVisible()
    {
        var counter = new Counter();
        var actor = ActorOf(Props.Create(() => new Incrementer(counter)));
        for (var i = 0; i < 5; i++)
        {
            actor.Tell("inc", null);
        }

        await AwaitAssertAsync(() => Assert.Equal(5, counter.Value), TimeSpan.FromSeconds(3), TimeSpan.FromMilliseconds(10));
    }

    [Fact]
    public async Task AwaitAssertAsync_NeverPasses_FailsAfterDurationWithLastExceptionAsInner()
    {
        var attempts = 0;
        var duration = TimeSpan.FromMilliseconds(200);

        var ex = await Assert.ThrowsAsync<TestKitAssertionException>(() =>
            AwaitAssertAsync(() => throw new InvalidOperationException($"attempt {++attempts}"), duration, TimeSpan.FromMilliseconds(20)));

        var inner = Assert.IsType<InvalidOperationException>(ex.InnerException);
        Assert.Equal($"attempt {attempts}", inner.Message);
        Assert.True(attempts > 1, $"only {attempts} attempt(s)");
        Assert.StartsWith("Assertion still failing after ", ex.Message, StringComparison.Ordinal);
        Assert.EndsWith($": attempt {attempts}", ex.Message, StringComparison.Ordinal);
        var elapsedMs = int.Parse(ex.Message["Assertion still failing after ".Length..ex.Message.IndexOf(" ms", StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(elapsedMs >= Dilated(duration).TotalMilliseconds - 20, ex.Message);
    }

    [Fact]
    public async Task AwaitAssertAsync_AsyncAssertion_EventuallyPasses()
    {
        var attempts = 0;

        await AwaitAssertAsync(
            async () =>
            {
                await Task.Yield();
                Assert.True(++attempts >= 2);
            },
            TimeSpan.FromSeconds(3),
            TimeSpan.FromMilliseconds(10));

        Assert.Equal(2, attempts);
    }

    [Fact]
    public async Task AwaitAssertAsync_InsideWithin_UsesRemainingAsDuration()
    {
        var watch = Stopwatch.StartNew();

        await Assert.ThrowsAsync<TestKitAssertionException>(() =>
            WithinAsync(TimeSpan.FromMilliseconds(200), () => AwaitAssertAsync(() => Assert.Fail("never"), interval: TimeSpan.FromMilliseconds(20))));

        Assert.True(watch.Elapsed < Dilated(TestKitSettings.DefaultTimeout), $"took {watch.Elapsed}: the default timeout was used");
    }

    private sealed class Counter
    {
        private int _value;

        public int Value => Volatile.Read(ref _value);

        public void Increment() => Interlocked.Increment(ref _value);
    }

    private sealed class Incrementer(Counter counter) : ActorBase
    {
        protected override bool Receive(object message)
        {
            counter.Increment();
            return true;
        }
    }
}
