using System.Diagnostics;
using System.Net.Sockets;

namespace ActorEcho.Cli.Bench;

/// <summary>
/// <c>slowloris</c>: once the window opens, each connection sends one byte every <c>--pace</c> and waits for that byte's echo before
/// the next. Connections are spread evenly over one pace so the server sees a steady trickle, not bursts. A server that held a
/// thread per connection would need one per slow client; the run shows whether it does (with <c>--server-pid</c>) while another
/// client measures its own latency beside it.
/// </summary>
internal static class SlowlorisWorker
{
    /// <summary>Runs worker <paramref name="index"/> until the window closes, its count of bytes is done, or the connection fails.</summary>
    public static async Task RunAsync(BenchRun run, int index)
    {
        var socket = await run.StartWorkerAsync(index).ConfigureAwait(false);
        if (socket is null)
        {
            return;
        }

        var stats = run.Stats[index];
        var payload = new Payload(run.Options.Seed, index, 1);
        var echo = new byte[1];
        var clock = run.Clock;
        var limit = run.Options.Count ?? long.MaxValue;
        var pace = StopwatchTicks.FromTimeSpan(run.Options.Pace);
        var received = 0;
        try
        {
            await run.Measuring.ConfigureAwait(false);
            var first = clock.MeasureFrom + (pace * index / run.Options.Connections);
            for (long sent = 0; sent < limit; sent++)
            {
                if (!await clock.WaitUntilAsync(first + (sent * pace)).ConfigureAwait(false))
                {
                    break;
                }

                var start = Stopwatch.GetTimestamp();
                received = 0;
                var send = socket.SendAsync(payload.Window(sent, 1), SocketFlags.None);
                if (await socket.ReceiveAsync(echo, SocketFlags.None).ConfigureAwait(false) == 0)
                {
                    run.CountBrokenEcho(stats, 0);
                    return;
                }

                received = 1;
                if (await send.ConfigureAwait(false) != 1)
                {
                    stats.CountUnexpectedClose();
                    return;
                }

                if (payload.Matches(sent, echo))
                {
                    stats.RecordOperation(1, Stopwatch.GetTimestamp() - start);
                }
                else
                {
                    stats.CountMismatch();
                }
            }
        }
        catch (Exception e) when (BenchRun.IsConnectionFailure(e))
        {
            run.CountBrokenEcho(stats, received);
        }
        finally
        {
            BenchRun.Close(stats, socket);
            run.Finished(index);
        }
    }
}
