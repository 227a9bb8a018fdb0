using ActorEcho.Actors.Tests.Infrastructure.Runtime;
using Xunit.Abstractions;

namespace ActorEcho.Actors.Tests;

/// <summary>PipeTo: success, failure as Status.Failure, custom mappers, sender.</summary>
public sealed class PipeToTests(ITestOutputHelper output) : ActorEcho.TestKit.TestKit(output: output)
{
    [Fact]
    public async Task PipeTo_TaskSucceeds_DeliversResultWhenItCompletes()
    {
        var work = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);

        _ = work.Task.PipeTo(TestActor);
        await ExpectNoMsgAsync();
        work.SetResult(42);

        await ExpectMsgAsync(42);
        await ExpectNoMsgAsync();
    }

    [Fact]
    public async Task PipeTo_TaskFails_DeliversStatusFailureWithCause()
    {
        var cause = new InvalidOperationException("broken");

        _ = Task.FromException<int>(cause).PipeTo(TestActor);

        var failure = await ExpectMsgAsync<Status.Failure>();
        Assert.Same(cause, failure.Cause);
    }

    [Fact]
    public async Task PipeTo_TaskCancelled_DeliversStatusFailureWithCancellation()
    {
        _ = Task.FromCanceled<int>(new CancellationToken(canceled: true)).PipeTo(TestActor);

        var failure = await ExpectMsgAsync<Status.Failure>();
        Assert.IsAssignableFrom<OperationCanceledException>(failure.Cause);
    }

    [Fact]
    public async Task PipeTo_CustomSuccessMapper_DeliversMappedResult()
    {
        _ = Task.FromResult(7).PipeTo(TestActor, success: i => "ok:" + i, failure: ex => "err:" + ex.Message);

        await ExpectMsgAsync("ok:7");
    }

    [Fact]
    public async Task PipeTo_CustomFailureMapper_DeliversMappedFailure()
    {
        _ = Task.FromException<int>(new InvalidOperationException("bad")).PipeTo(TestActor, success: i => "ok:" + i, failure: ex => "err:" + ex.Message);

        await ExpectMsgAsync("err:bad");
    }

    [Fact]
    public async Task PipeTo_WithSender_DeliversWithThatSender()
    {
        var probe = CreateTestProbe();

        _ = Task.FromResult("hi").PipeTo(TestActor, probe.Ref);

        await ExpectMsgAsync("hi");
        Assert.Equal(probe.Ref, LastSender);
    }

    [Fact]
    public async Task PipeTo_WithoutSender_DeliversWithNoSender()
    {
        _ = Task.FromResult("hi").PipeTo(TestActor);

        await ExpectMsgAsync("hi");
        Assert.Equal(Sys.DeadLetters, LastSender);
    }

    [Fact]
    public async Task PipeTo_NonGenericTaskSucceeds_DeliversStatusSuccess()
    {
        _ = Task.CompletedTask.PipeTo(TestActor);

        var success = await ExpectMsgAsync<Status.Success>();
        Assert.Null(success.Value);
    }

    [Fact]
    public async Task PipeTo_NonGenericTaskWithMappers_DeliversMappedMessages()
    {
        _ = Task.CompletedTask.PipeTo(TestActor, success: () => "done");
        _ = Task.FromException(new InvalidOperationException("x")).PipeTo(TestActor, failure: ex => "failed:" + ex.Message);

        await ExpectMsgAsync("done");
        await ExpectMsgAsync("failed:x");
    }

    [Fact]
    public async Task PipeTo_NullResult_DeliversStatusSuccess()
    {
        _ = Task.FromResult<string?>(null).PipeTo(TestActor);

        var success = await ExpectMsgAsync<Status.Success>();
        Assert.Null(success.Value);
    }

    [Fact]
    public async Task PipeTo_InsideActorToSelf_ResultComesBackThroughMailbox()
    {
        var actor = Sys.ActorOf(Props.Create(() => new SelfPipingActor(TestActor)), "piper");
        var ok = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var bad = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);

        actor.Tell(new PipeWork(ok.Task), TestActor);
        actor.Tell(new PipeWork(bad.Task), TestActor);
        await ExpectNoMsgAsync();
        ok.SetResult(5);
        await ExpectMsgAsync("result:5");
        bad.SetException(new InvalidOperationException("nope"));
        await ExpectMsgAsync("failure:nope");
    }

    [Fact]
    public async Task PipeTo_AskResult_DeliversReplyToThirdParty()
    {
        var echo = Sys.ActorOf(Props.Create<EchoActor>(), "echo");

        _ = echo.Ask<string>("ping", TimeSpan.FromSeconds(3)).PipeTo(TestActor);

        await ExpectMsgAsync("ping");
    }
}
