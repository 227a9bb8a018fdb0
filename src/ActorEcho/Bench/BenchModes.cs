namespace ActorEcho.Cli.Bench;

/// <summary>Facts about each <see cref="BenchMode"/> that the flags, the runner and the report share.</summary>
internal static class BenchModes
{
    /// <summary>The mode as typed on the command line and written in the JSON (<c>slowread</c>).</summary>
    public static string Name(BenchMode mode) => mode.ToString().ToLowerInvariant();

    /// <summary>Whether <c>--server-pid</c> applies: idle measures memory per connection, the hostile modes sample the server throughout.</summary>
    public static bool SamplesServer(BenchMode mode) => mode is BenchMode.Idle or BenchMode.Slowloris or BenchMode.Flood or BenchMode.SlowRead;

    /// <summary>Whether the run samples the server's RSS, threads and descriptors during the run (the hostile modes).</summary>
    public static bool IsHostile(BenchMode mode) => mode is BenchMode.Slowloris or BenchMode.Flood or BenchMode.SlowRead;
}
