namespace ActorEcho.Actors.Supervision;

/// <summary>Maps a child's failure to a <see cref="Directive"/>.</summary>
public interface IDecider
{
    /// <summary>Chooses the directive for <paramref name="cause"/>.</summary>
    Directive Decide(Exception cause);
}
