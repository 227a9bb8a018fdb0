using System.Runtime.CompilerServices;

namespace ActorEcho.TestKit.Tests;

public sealed class AwaitConditionTests : TestKit
{
    [Fact]
    public async Task AwaitConditionAsync_BecomesTrue_Passes()
    {
        var polls = 0;

        await AwaitConditionAsync(() => ++polls >= 3, TimeSpan.FromSeconds(3), TimeSpan.FromMilliseconds(10));

        Assert.Equal(3, polls);
    }

    [Fact]
    public async Task AwaitConditionAsync_SetByActor_Passes()
    {
        var flag = new StrongBox<bool>();
        var actor = ActorOf(Props.Create(() => new FlagSetter(flag)));

        actor.Tell("set", null);

        await AwaitConditionAsync(() => Volatile.Read(ref flag.Value), TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task AwaitConditionAsync_StaysFalse_FailsWithMessageAndTimeout()
    {
        var max = TimeSpan.FromMilliseconds(150);

        var ex = await Assert.ThrowsAsync<TestKitAssertionException>(() => AwaitConditionAsync(() => false, max, message: "'queue drained'"));

        Assert.StartsWith("Condition 'queue drained' still false after ", ex.Message, StringComparison.Ordinal);
        Assert.EndsWith($"(timeout {FailureText.Ms(Dilated(max))}).", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AwaitConditionAsync_InsideWithin_UsesRemainingAsMax()
    {
        var ex = await Assert.ThrowsAsync<TestKitAssertionException>(() =>
            WithinAsync(TimeSpan.FromMilliseconds(200), () => AwaitConditionAsync(() => false)));

        Assert.Contains("still false", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain($"(timeout {FailureText.Ms(Dilated(TestKitSettings.DefaultTimeout))})", ex.Message, StringComparison.Ordinal);
    }

    private sealed class FlagSetter(StrongBox<bool> flag) : ActorBase
    {
        protected override bool Receive(object message)
        {
            Volatile.Write(ref flag.Value, true);
            return true;
        }
    }
}
