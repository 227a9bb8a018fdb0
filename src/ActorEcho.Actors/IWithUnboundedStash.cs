namespace ActorEcho.Actors;

/// <summary>Akka.NET's name for <see cref="IWithStash"/>; stashes are unbounded.</summary>
public interface IWithUnboundedStash : IWithStash
{
}
