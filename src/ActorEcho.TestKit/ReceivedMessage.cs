namespace ActorEcho.TestKit;

/// <summary>A message that reached a test actor or probe, with its sender and when it arrived.</summary>
public sealed record ReceivedMessage(object Message, IActorRef Sender, TimeSpan ArrivedAfter);
