namespace ActorEcho.Cli.Bench;

/// <summary>
/// What <c>--server-pid</c> saw of the server in a hostile run (JSON field <c>server</c>): before the first connection, the peaks
/// during the run, and after it, once the connections were released or <see cref="ServerWatch.SettleTimeout"/> passed.
/// </summary>
/// <param name="Before">Before the first connection.</param>
/// <param name="Peak">The largest RSS, thread count and descriptor count seen (sampled once a second, or four times on a terminal).</param>
/// <param name="After">After the run; null if the server could not be read (it exited).</param>
/// <param name="Released">Whether the server's open descriptors came back to <paramref name="Before"/>'s: every connection was released.</param>
/// <param name="RssGrowthBytes">Peak RSS minus the RSS before: what the run cost the server at most.</param>
internal sealed record ServerReport(ServerSample Before, ServerSample Peak, ServerSample? After, bool Released, long RssGrowthBytes)
{
    /// <summary>The report of a run from its three samples.</summary>
    public static ServerReport Of(ServerSample before, ServerSample peak, ServerSample? after) =>
        new(before, peak, after, after is not null && after.OpenDescriptors <= before.OpenDescriptors, peak.RssBytes - before.RssBytes);
}
