namespace ActorEcho.Cli.Bench;

/// <summary>
/// Samples the server (<c>--server-pid</c>) during a hostile run: before the first connection, at every progress tick, and after the
/// run until its descriptors are back to where they started (every connection released) or <see cref="SettleTimeout"/> passes.
/// </summary>
internal sealed class ServerWatch
{
    /// <summary>How long after the run the server may take to release the connections before the report says it did not.</summary>
    public static readonly TimeSpan SettleTimeout = TimeSpan.FromSeconds(10);

    private readonly int _pid;
    private ServerSample _peak;

    private ServerWatch(int pid, ServerSample before)
    {
        _pid = pid;
        Before = before;
        _peak = before;
    }

    /// <summary>The server before the run opened its first connection.</summary>
    public ServerSample Before { get; }

    /// <summary>The largest figures seen so far (each on its own: the peaks need not be simultaneous).</summary>
    public ServerSample Peak => Volatile.Read(ref _peak);

    /// <summary>Starts watching <paramref name="pid"/>; null if it cannot be read.</summary>
    public static ServerWatch? Start(int pid) => ServerSample.Read(pid) is { } before ? new ServerWatch(pid, before) : null;

    /// <summary>Takes a sample and folds it into <see cref="Peak"/>; returns it, or null if the server could not be read.</summary>
    public ServerSample? Sample()
    {
        var sample = ServerSample.Read(_pid);
        if (sample is not null)
        {
            Volatile.Write(ref _peak, Peak.Max(sample));
        }

        return sample;
    }

    /// <summary>Samples until the descriptors are back to <see cref="Before"/> or the timeout passes; the report of the whole run.</summary>
    public async Task<ServerReport> SettleAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + SettleTimeout;
        var after = Sample();
        while (after is not null && after.OpenDescriptors > Before.OpenDescriptors && DateTime.UtcNow < deadline && !cancellationToken.IsCancellationRequested)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), CancellationToken.None).ConfigureAwait(false);
            after = Sample();
        }

        return ServerReport.Of(Before, Peak, after);
    }
}
