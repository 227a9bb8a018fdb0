namespace ActorEcho.Compare.Model;

/// <summary>One server under test: a stable name and a one-line description for the report.</summary>
internal sealed record ServerKind(string Name, string Description)
{
    public const string ActorEchoName = "actorecho";
    public const string PlainDotNetName = "plain-dotnet";
    public const string ThreadName = "seed-pthread";
    public const string ForkName = "seed-fork";
    public const string RawDotNetName = "raw-dotnet";

    /// <summary>The four servers, ActorEcho first (every ratio is against it).</summary>
    public static IReadOnlyList<ServerKind> All { get; } =
    [
        new(ActorEchoName, "this repository's `actorecho serve` (Release), default configuration"),
        new(PlainDotNetName, "`bench/ActorEcho.PlainEcho`: Kestrel's socket transport, input pipe copied to output pipe, no actors"),
        new(ThreadName, "`../shared/baselines/seed-pthread`: C, one thread per connection (gcc -O2)"),
        new(ForkName, "`../shared/baselines/seed-fork`: C, one process per connection (gcc -O2)"),
    ];

    /// <summary>Every server <c>--servers</c> accepts, in report order: <see cref="All"/> plus baselines run only when asked for.</summary>
    public static IReadOnlyList<ServerKind> Known { get; } =
    [
        .. All,
        new(RawDotNetName, "`bench/ActorEcho.RawEcho`: System.Net.Sockets, one receive/send loop per connection, no Kestrel, no actors"),
    ];
}
