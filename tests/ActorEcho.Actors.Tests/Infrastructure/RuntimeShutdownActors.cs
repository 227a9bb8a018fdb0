using System.Collections.Concurrent;

namespace ActorEcho.Actors.Tests.Infrastructure.Runtime;

/// <summary>Records "name:PostStop" into a shared queue when it stops; optionally creates a child that records too.</summary>
public sealed class PostStopRecorderActor : ReceiveActor
{
    private readonly string _name;
    private readonly ConcurrentQueue<string> _record;

    public PostStopRecorderActor(string name, ConcurrentQueue<string> record, bool withChild)
    {
        _name = name;
        _record = record;
        if (withChild)
        {
            Context.ActorOf(Props.Create(() => new PostStopRecorderActor(name + "/child", record, false)), "child");
        }

        ReceiveAny(m => Sender.Tell(m, Self));
    }

    protected override void PostStop() => _record.Enqueue(_name + ":PostStop");
}
