using System.Diagnostics;
using ActorEcho.Actors.Tests.Infrastructure.Runtime;
using Xunit.Abstractions;

namespace ActorEcho.Actors.Tests;

/// <summary>Per sender–receiver FIFO ordering under concurrency.</summary>
public sealed class MessageOrderingTests(ITestOutputHelper output) : ActorEcho.TestKit.TestKit(output: output)
{
    [Fact]
    public async Task Tell_EightConcurrentExternalSenders_PreservesEachSendersOrder()
    {
        const int Senders = 8;
        const int PerSender = 10_000;
        var receiver = Sys.ActorOf(Props.Create(() => new SequenceCheckingActor(Senders, Senders * PerSender, TestActor)), "receiver");
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = Stopwatch.GetTimestamp();
        var senders = Enumerable.Range(0, Senders).Select(id => Task.Run(async () =>
        {
            await go.Task;
            for (var seq = 0; seq < PerSender; seq++)
            {
                receiver.Tell(new Sequenced(id, seq), null);
            }
        })).ToArray();

        go.SetResult();
        await Task.WhenAll(senders).WaitAsync(TimeSpan.FromSeconds(5));
        var report = await ExpectMsgAsync<SequenceReport>(TimeSpan.FromSeconds(5));

        Assert.Empty(report.Violations);
        Assert.Equal(Senders * PerSender, report.Total);
        Assert.All(report.PerSender, n => Assert.Equal(PerSender, n));
        Assert.True(Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(2), "80,000 messages took " + Stopwatch.GetElapsedTime(started));
        await ExpectNoMsgAsync();
    }

    [Fact]
    public async Task Tell_ConcurrentActorSenders_PreservesEachSendersOrder()
    {
        const int Senders = 4;
        const int PerSender = 10_000;
        var receiver = Sys.ActorOf(Props.Create(() => new SequenceCheckingActor(Senders, Senders * PerSender, TestActor)), "receiver");
        var bursts = Enumerable.Range(0, Senders)
            .Select(id => Sys.ActorOf(Props.Create(() => new BurstSenderActor(id, PerSender, receiver)), "burst-" + id))
            .ToList();

        foreach (var burst in bursts)
        {
            burst.Tell("go", null);
        }

        var report = await ExpectMsgAsync<SequenceReport>(TimeSpan.FromSeconds(5));
        Assert.Empty(report.Violations);
        Assert.All(report.PerSender, n => Assert.Equal(PerSender, n));
    }

    [Fact]
    public async Task Tell_OneSenderToTestActor_ArrivesInSendOrder()
    {
        var echo = Sys.ActorOf(Props.Create<EchoActor>(), "echo");
        for (var i = 0; i < 1_000; i++)
        {
            echo.Tell(i, TestActor);
        }

        var received = await ReceiveNAsync(1_000);
        Assert.Equal(Enumerable.Range(0, 1_000), received.Cast<int>());
    }
}
