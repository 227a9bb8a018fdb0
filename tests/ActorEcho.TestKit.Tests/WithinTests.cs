using System.Diagnostics;

namespace ActorEcho.TestKit.Tests;

public sealed class WithinTests : TestKit
{
    [Fact]
    public async Task WithinAsync_FastBlock_Passes()
    {
        var ran = false;

        await WithinAsync(TimeSpan.FromSeconds(3), async () =>
        {
            TestActor.Tell("quick", null);
            await ExpectMsgAsync("quick");
            ran = true;
        });

        Assert.True(ran);
    }

    [Fact]
    public async Task WithinAsync_Inside_RemainingIsBoundedByMax()
    {
        var remaining = TimeSpan.MaxValue;

        await WithinAsync(TimeSpan.FromSeconds(2), () =>
        {
            remaining = Remaining;
            return Task.CompletedTask;
        });

        Assert.InRange(remaining, TimeSpan.FromMilliseconds(1), Dilated(TimeSpan.FromSeconds(2)));
    }

    [Fact]
    public void Remaining_OutsideWithin_Throws()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => Remaining);

        Assert.Contains("RemainingOrDefault", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RemainingOrDefault_OutsideWithin_IsDilatedSingleExpectDefault()
    {
        Assert.Equal(Dilated(TestKitSettings.SingleExpectDefault), RemainingOrDefault);
    }

    [Fact]
    public async Task WithinAsync_ExpectationWithoutTimeout_UsesRemainingInsteadOfDefault()
    {
        var max = TimeSpan.FromMilliseconds(300);
        var watch = Stopwatch.StartNew();

        var ex = await Assert.ThrowsAsync<TestKitAssertionException>(() => WithinAsync(max, () => ExpectMsgAsync<string>()));

        Assert.Contains("no message arrived", ex.Message, StringComparison.Ordinal);
        Assert.InRange(FailureText.WithinMs(ex.Message), 1, (int)Dilated(max).TotalMilliseconds);
        Assert.True(watch.Elapsed < Dilated(TestKitSettings.SingleExpectDefault), $"took {watch.Elapsed}: the single-expect default was used");
    }

    [Fact]
    public async Task WithinAsync_Nested_InnerRemainingIsClampedToOuterDeadline()
    {
        var outer = TimeSpan.FromMilliseconds(300);
        var innerRemaining = TimeSpan.MaxValue;

        var ex = await Assert.ThrowsAsync<TestKitAssertionException>(() => WithinAsync(outer, () => WithinAsync(TimeSpan.FromSeconds(10), async () =>
        {
            innerRemaining = Remaining;
            await ExpectMsgAsync<string>();
        })));

        Assert.True(innerRemaining <= Dilated(outer), $"inner Remaining was {innerRemaining}");
        Assert.InRange(FailureText.WithinMs(ex.Message), 1, (int)Dilated(outer).TotalMilliseconds);
    }

    [Fact]
    public async Task WithinAsync_Nested_InnerBlockRestoresOuterRemaining()
    {
        var afterInner = TimeSpan.Zero;

        await WithinAsync(TimeSpan.FromSeconds(3), async () =>
        {
            await WithinAsync(TimeSpan.FromMilliseconds(500), () => Task.CompletedTask);
            afterInner = Remaining;
        });

        Assert.True(afterInner > Dilated(TimeSpan.FromMilliseconds(500)), $"Remaining after the inner block was {afterInner}");
    }

    [Fact]
    public async Task WithinAsync_BlockTooSlow_FailsWithElapsedAndMax()
    {
        var max = TimeSpan.FromMilliseconds(100);

        var ex = await Assert.ThrowsAsync<TestKitAssertionException>(() => WithinAsync(max, () => Task.Delay(Dilated(TimeSpan.FromMilliseconds(250)))));

        Assert.StartsWith("Within block took too long: ", ex.Message, StringComparison.Ordinal);
        Assert.Contains($"expected at most {FailureText.Ms(Dilated(max))}", ex.Message, StringComparison.Ordinal);
        Assert.Contains($"time factor {TestKitSettings.TimeFactor}", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithinAsync_MinBoundNotReached_FailsTooEarly()
    {
        var ex = await Assert.ThrowsAsync<TestKitAssertionException>(() => WithinAsync(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(3), () => Task.CompletedTask));

        Assert.StartsWith("Within block finished too early: after ", ex.Message, StringComparison.Ordinal);
        Assert.Contains("expected at least 200 ms", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithinAsync_MinBoundReached_Passes()
    {
        await WithinAsync(TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(3), () => Task.Delay(TimeSpan.FromMilliseconds(100)));
    }

    [Fact]
    public async Task WithinAsync_BlockThrows_PropagatesAndLeavesNoDeadline()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => WithinAsync(TimeSpan.FromSeconds(1), () => throw new InvalidOperationException("boom")));

        Assert.Throws<InvalidOperationException>(() => Remaining);
    }
}
