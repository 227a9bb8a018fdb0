namespace ActorEcho.Actors.Tests.Infrastructure.Runtime;

/// <summary>Dead-letter test message types: each test uses its own type so log-once counts do not interfere.</summary>
public sealed record LostParcel(int Id);

public sealed record LostLetter(int Id);

public sealed record LostPostcard(int Id);

public sealed record LostMarker;

/// <summary>Not logged when dead-lettered.</summary>
public sealed record QuietLoss(int Id) : IDeadLetterSuppression;

/// <summary>Event hierarchy for event-stream tests.</summary>
public abstract record AnimalEvent(string Name);

public sealed record DogEvent(string Name) : AnimalEvent(Name);

public sealed record CatEvent(string Name) : AnimalEvent(Name);

public interface IAlarm
{
}

public sealed record FireAlarm(int Floor) : IAlarm;
