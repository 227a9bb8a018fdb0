using System.Diagnostics;

namespace ActorEcho.Cli.Bench;

/// <summary>
/// <c>flood</c>: connects at <c>--ramp</c> per second over the whole run, shared by all workers (connect <c>k</c> is due <c>k / ramp</c>
/// seconds after the window opens), each one verified echo of SIZE bytes, half-close and the server's close, like <c>churn</c>.
/// <c>--connections</c> workers bound the cycles in flight: when every worker is busy the schedule slips, and the achieved rate
/// (operations/s) falls below the target instead of the client piling up sockets. <c>--ramp 0</c> connects as fast as possible.
/// </summary>
internal static class FloodWorker
{
    /// <summary>Runs worker <paramref name="index"/>: takes the next connect of the schedule, waits for its time, cycles, until the window closes.</summary>
    public static async Task RunAsync(BenchRun run, int index)
    {
        await Task.Yield();
        var stats = run.Stats[index];
        var socket = await run.ConnectInitialAsync(index).ConfigureAwait(false); // used by this worker's first cycle
        var size = run.Options.Size;
        var payload = new Payload(run.Options.Seed, index, size);
        var response = new byte[size];
        var clock = run.Clock;
        var rate = run.Options.Ramp;
        long position = 0;
        try
        {
            await run.Measuring.ConfigureAwait(false);
            while (true)
            {
                var ticket = run.NextTicket();
                if (rate > 0)
                {
                    var due = clock.MeasureFrom + (long)(ticket * (Stopwatch.Frequency / rate));
                    if (clock.IsOver(due))
                    {
                        break;
                    }

                    var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
                    if (wait > TimeSpan.Zero)
                    {
                        await Task.Delay(wait).ConfigureAwait(false);
                    }
                }

                var start = Stopwatch.GetTimestamp();
                if (clock.IsOver(start))
                {
                    break;
                }

                socket ??= await run.Connector.ConnectAsync(stats).ConfigureAwait(false);
                if (socket is null)
                {
                    continue;
                }

                var echoed = await ChurnWorker.EchoOnceAsync(run, socket, payload, position, response, stats).ConfigureAwait(false);
                BenchRun.Close(stats, socket);
                socket = null;
                if (echoed)
                {
                    stats.RecordOperation(size, Stopwatch.GetTimestamp() - start);
                }

                position += size;
            }
        }
        finally
        {
            if (socket is not null)
            {
                BenchRun.Close(stats, socket);
            }

            run.Finished(index);
        }
    }
}
