namespace ActorEcho.Actors.Dispatch;

/// <summary>
/// How an actor's mailbox runs: how many user messages per turn on a thread (<see cref="Throughput"/>) and how many may wait
/// (<see cref="Capacity"/>, 0 for unbounded). Built once per dispatcher/mailbox pair from configuration and shared.
/// </summary>
internal sealed record MailboxSettings(int Throughput, int Capacity, bool PreferLocal)
{
    public static MailboxSettings Default { get; } = new(30, 0, true);
}
