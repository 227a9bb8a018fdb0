namespace ActorEcho.Actors.Tests.Infrastructure.Runtime;

/// <summary>Starts <see cref="Work"/> and pipes it to itself.</summary>
public sealed record PipeWork(Task<int> Work);

/// <summary>Pipes the task of a <see cref="PipeWork"/> to itself; tells <c>probe</c> "result:N" or "failure:Message" when it comes back.</summary>
public sealed class SelfPipingActor : ReceiveActor
{
    public SelfPipingActor(IActorRef probe)
    {
        Receive<PipeWork>(w => w.Work.PipeTo(Self));
        Receive<int>(i => probe.Tell("result:" + i, Self));
        Receive<Status.Failure>(f => probe.Tell("failure:" + f.Cause.Message, Self));
    }
}
