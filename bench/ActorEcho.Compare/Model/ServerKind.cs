namespace ActorEcho.Compare.Model;

/// <summary>One server under test: a stable name and a one-line description for the report.</summary>
internal sealed record ServerKind(string Name, string Description)
{
    public const string ActorEchoName = "actorecho";
    public const string PlainDotNetName = "plain-dotnet";
    public const string ThreadName = "seed-pthread";
    public const string ForkName = "seed-fork";

    /// <summary>The four servers, ActorEcho first (every ratio is against it).</summary>
    public static IReadOnlyList<ServerKind> All { get; } =
    [
        new(ActorEchoName, "this repository's `actorecho serve` (Release), default configuration"),
        new(PlainDotNetName, "`bench/ActorEcho.PlainEcho`: Kestrel's socket transport, input pipe copied to output pipe, no actors"),
        new(ThreadName, "`../shared/baselines/seed-pthread`: C, one thread per connection (gcc -O2)"),
        new(ForkName, "`../shared/baselines/seed-fork`: C, one process per connection (gcc -O2)"),
    ];
}
