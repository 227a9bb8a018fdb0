using System.Globalization;

namespace ActorEcho.Soak;

/// <summary>
/// One concurrent load of the soak: an <c>actorecho bench</c> mode with its connection count and echo size. All of them run at the
/// same time for the whole duration, each verifying every byte it gets back.
/// </summary>
internal sealed record LoadMix(string Mode, int Connections, string Size, string? Ramp = null)
{
    /// <summary>
    /// Churn (connections opened and closed without pause), streaming (pipelined writes), request/response, and idle connections held
    /// open the whole time: enough for every path of the server to run thousands of times, few enough for a shared 2-core machine.
    /// </summary>
    public static IReadOnlyList<LoadMix> Default { get; } =
    [
        new("churn", 8, "64"),
        new("stream", 2, "4k"),
        new("rr", 8, "256"),
        new("idle", 500, "64", Ramp: "200"),
    ];

    /// <summary>The load client's arguments (after <c>dotnet</c>).</summary>
    public IReadOnlyList<string> Arguments(string actorEchoDll, int port, TimeSpan duration, string jsonPath)
    {
        List<string> args =
        [
            actorEchoDll, "bench", Mode,
            "--host", "127.0.0.1",
            "--port", port.ToString(CultureInfo.InvariantCulture),
            "--connections", Connections.ToString(CultureInfo.InvariantCulture),
            "--size", Size,
            "--duration", ((long)Math.Ceiling(duration.TotalSeconds)).ToString(CultureInfo.InvariantCulture) + "s",
            "--json", jsonPath,
        ];
        if (Ramp is not null)
        {
            args.AddRange(["--ramp", Ramp]);
        }

        return args;
    }

    /// <summary>"churn 4 x 64 B".</summary>
    public string Describe() => FormattableString.Invariant($"{Mode} {Connections} x {Size} B");
}
