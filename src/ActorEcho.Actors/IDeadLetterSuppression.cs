namespace ActorEcho.Actors;

/// <summary>Marks messages that are expected to reach dead letters sometimes (close events, acks), so they are not logged there.</summary>
public interface IDeadLetterSuppression
{
}
