namespace ActorEcho.Actors;

/// <summary>Marks messages that the runtime handles itself before the actor's behaviour sees them.</summary>
public interface IAutoReceivedMessage
{
}
