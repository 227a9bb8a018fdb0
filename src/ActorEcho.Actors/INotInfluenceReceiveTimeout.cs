namespace ActorEcho.Actors;

/// <summary>Marks messages whose arrival does not reset an actor's receive timeout (timer ticks, for example).</summary>
public interface INotInfluenceReceiveTimeout
{
}
