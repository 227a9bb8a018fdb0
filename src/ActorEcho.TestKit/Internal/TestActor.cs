using System.Diagnostics;
using System.Threading.Channels;

namespace ActorEcho.TestKit.Internal;

/// <summary>The actor behind a probe: queues every message for the test to inspect, and watches what the test asks it to.</summary>
internal sealed class TestActor(ChannelWriter<ReceivedMessage> queue, long startTimestamp, Func<object, bool> ignore) : ActorBase
{
    /// <summary>Asks the test actor to watch (or unwatch) an actor; handled inside the actor, never queued.</summary>
    internal sealed record WatchCommand(IActorRef Subject, bool Watch, TaskCompletionSource Done);

    /// <summary>Replaces the auto-pilot; handled inside the actor.</summary>
    internal sealed record SetAutoPilotCommand(AutoPilot? AutoPilot);

    private AutoPilot? _autoPilot;

    protected override bool Receive(object message)
    {
        switch (message)
        {
            case WatchCommand command:
                if (command.Watch)
                {
                    Context.Watch(command.Subject);
                }
                else
                {
                    Context.Unwatch(command.Subject);
                }

                command.Done.TrySetResult();
                return true;
            case SetAutoPilotCommand command:
                _autoPilot = command.AutoPilot;
                return true;
        }

        if (_autoPilot is { } pilot)
        {
            _autoPilot = pilot.Run(Sender, message);
        }

        if (!ignore(message))
        {
            queue.TryWrite(new ReceivedMessage(message, Sender, Stopwatch.GetElapsedTime(startTimestamp)));
        }

        return true;
    }
}
