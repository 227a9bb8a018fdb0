namespace ActorEcho.Actors.Tests.Infrastructure.Runtime;

/// <summary>Message <paramref name="Seq"/> of sender <paramref name="SenderId"/>.</summary>
public sealed record Sequenced(int SenderId, int Seq);

/// <summary>What a <see cref="SequenceCheckingActor"/> saw once it got every expected message.</summary>
public sealed record SequenceReport(int Total, IReadOnlyList<int> PerSender, IReadOnlyList<string> Violations);

/// <summary>
/// Checks that each sender's sequence numbers arrive strictly in order (0, 1, 2, ...) and reports to <c>target</c> once
/// <c>expectedTotal</c> messages arrived.
/// </summary>
public sealed class SequenceCheckingActor : ReceiveActor
{
    public SequenceCheckingActor(int senders, int expectedTotal, IActorRef target)
    {
        var next = new int[senders];
        var violations = new List<string>();
        var total = 0;
        Receive<Sequenced>(m =>
        {
            if (m.Seq != next[m.SenderId] && violations.Count < 20)
            {
                violations.Add($"sender {m.SenderId}: expected {next[m.SenderId]}, got {m.Seq}");
            }

            next[m.SenderId] = m.Seq + 1;
            if (++total == expectedTotal)
            {
                target.Tell(new SequenceReport(total, next.ToArray(), violations), Self);
            }
        });
    }
}

/// <summary>On "go", tells <c>count</c> <see cref="Sequenced"/> messages to <c>target</c>, from inside the actor.</summary>
public sealed class BurstSenderActor : ReceiveActor
{
    public BurstSenderActor(int id, int count, IActorRef target) =>
        Receive<string>(s => s == "go", _ =>
        {
            for (var i = 0; i < count; i++)
            {
                target.Tell(new Sequenced(id, i), Self);
            }
        });
}
