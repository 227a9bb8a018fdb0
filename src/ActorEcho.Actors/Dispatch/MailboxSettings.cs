namespace ActorEcho.Actors.Dispatch;

/// <summary>
/// How an actor's mailbox runs: how many user messages per turn on a thread (<see cref="Throughput"/>) and how many may wait
/// (<see cref="Capacity"/>, 0 for unbounded), and how deep runs may nest on a sender's thread (<see cref="InlineDepth"/>, 0 for
/// never). Built once per dispatcher/mailbox pair from configuration and shared.
/// </summary>
internal sealed record MailboxSettings(int Throughput, int Capacity, bool PreferLocal, int InlineDepth = 0)
{
    public static MailboxSettings Default { get; } = new(30, 0, true);
}
