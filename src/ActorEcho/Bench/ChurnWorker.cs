using System.Diagnostics;
using System.Net.Sockets;
using System.Runtime.CompilerServices;

namespace ActorEcho.Cli.Bench;

/// <summary>
/// <c>churn</c>: connect, one verified echo of SIZE bytes, half-close, wait for the server's close, repeat as fast as possible.
/// The operation's latency spans connect to close. Buffers are allocated once per worker; the socket is the cost being measured.
/// <c>flood</c> runs the same cycles on a schedule shared by all workers: connect <c>k</c> is due <c>k / --ramp</c> seconds after the
/// window opens. <c>--connections</c> workers bound the cycles in flight: when every worker is busy the schedule slips and the
/// achieved rate (operations/s) falls below the target, instead of the client piling up sockets.
/// </summary>
internal static class ChurnWorker
{
    /// <summary>Runs worker <paramref name="index"/> until the window closes or its count of cycles (failed ones included) is done.</summary>
    public static async Task RunAsync(BenchRun run, int index)
    {
        await Task.Yield();
        var stats = run.Stats[index];
        var socket = await run.ConnectInitialAsync(index).ConfigureAwait(false);
        var size = run.Options.Size;
        var payload = new Payload(run.Options.Seed, index, size);
        var response = new byte[size];
        var clock = run.Clock;
        var limit = run.Options.Count ?? long.MaxValue;
        var flood = run.Options.Mode == BenchMode.Flood;
        long measured = 0;
        long position = 0;
        try
        {
            if (flood)
            {
                await run.Measuring.ConfigureAwait(false); // the schedule starts with the window
            }

            while (measured < limit)
            {
                if (flood && !await WaitForTurnAsync(run).ConfigureAwait(false))
                {
                    break;
                }

                var start = Stopwatch.GetTimestamp();
                if (clock.IsOver(start))
                {
                    break;
                }

                var isMeasured = start >= clock.MeasureFrom;
                if (isMeasured)
                {
                    measured++; // failed cycles use up the count too, so a refusing server cannot make --count loop forever
                }

                var connected = await CycleAsync(run, stats, socket, payload, position, response, start, isMeasured).ConfigureAwait(false);
                socket = null;
                if (connected)
                {
                    position += size;
                }
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

    /// <summary>Flood: takes the next connect of the schedule and waits for its time; false if it falls after the window.</summary>
    private static ValueTask<bool> WaitForTurnAsync(BenchRun run)
    {
        var rate = run.Options.Ramp;
        var ticket = run.NextTicket();
        return rate > 0 ? run.Clock.WaitUntilAsync(run.Clock.MeasureFrom + (long)(ticket * (Stopwatch.Frequency / rate))) : ValueTask.FromResult(true);
    }

    /// <summary>
    /// One cycle that started at <paramref name="start"/>: connects (unless <paramref name="socket"/> is already open, and then takes
    /// it over), one verified echo, close; recorded if it succeeded and is <paramref name="measured"/>. False if the connect failed.
    /// </summary>
    private static async Task<bool> CycleAsync(
        BenchRun run, ConnectionStats stats, Socket? socket, Payload payload, long position, byte[] response, long start, bool measured)
    {
        socket ??= await run.Connector.ConnectAsync(stats).ConfigureAwait(false);
        if (socket is null)
        {
            return false;
        }

        var echoed = await EchoOnceAsync(run, socket, payload, position, response, stats).ConfigureAwait(false);
        BenchRun.Close(stats, socket);
        if (echoed && measured)
        {
            stats.RecordOperation(response.Length, Stopwatch.GetTimestamp() - start);
        }

        return true;
    }

    /// <summary>One verified echo, then half-close and wait for the server's FIN; false (counted) if anything went wrong.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private static async ValueTask<bool> EchoOnceAsync(BenchRun run, Socket socket, Payload payload, long position, byte[] response, ConnectionStats stats)
    {
        var size = response.Length;
        var received = 0;
        try
        {
            var send = socket.SendAsync(payload.Window(position, size), SocketFlags.None);
            while (received < size)
            {
                var n = await socket.ReceiveAsync(response.AsMemory(received), SocketFlags.None).ConfigureAwait(false);
                if (n == 0)
                {
                    run.CountBrokenEcho(stats, received);
                    return false;
                }

                received += n;
            }

            if (await send.ConfigureAwait(false) != size)
            {
                stats.CountUnexpectedClose();
                return false;
            }

            if (!payload.Matches(position, response))
            {
                stats.CountMismatch();
                return false;
            }

            // Close like a well-behaved client: our FIN first, then the server's; more bytes after the echo are a mismatch.
            socket.Shutdown(SocketShutdown.Send);
            if (await socket.ReceiveAsync(response.AsMemory(0, 1), SocketFlags.None).ConfigureAwait(false) != 0)
            {
                stats.CountMismatch();
                return false;
            }

            return true;
        }
        catch (Exception e) when (BenchRun.IsConnectionFailure(e))
        {
            run.CountBrokenEcho(stats, received);
            return false;
        }
    }
}
