using System.Diagnostics;
using System.Net.Sockets;
using System.Runtime.CompilerServices;

namespace ActorEcho.Cli.Bench;

/// <summary>
/// <c>slowread</c>: once the window opens, writes SIZE chunks as fast as it can, up to <c>--bytes</c>, and reads nothing. A server
/// that honours backpressure stops reading from it after a few MiB, so the write blocks until the window closes. Then the worker
/// proves nothing was lost: it reads every echoed byte (which lets the blocked write finish), half-closes, reads to the server's
/// close and checks that exactly the bytes written came back, in order. One operation is one write; its latency shows the stall.
/// </summary>
internal static class SlowReadWorker
{
    /// <summary>The receive buffer of the final drain (and the smallest payload window).</summary>
    private const int DrainBuffer = 64 * 1024;

    /// <summary>Runs worker <paramref name="index"/>: write until <c>--bytes</c> or the end of the window, then drain and verify.</summary>
    public static async Task RunAsync(BenchRun run, int index)
    {
        var socket = await run.StartWorkerAsync(index).ConfigureAwait(false);
        if (socket is null)
        {
            return;
        }

        var stats = run.Stats[index];
        var size = run.Options.Size;
        var total = run.Options.WriteBytes;
        var payload = new Payload(run.Options.Seed, index, Math.Max(size, DrainBuffer));
        var clock = run.Clock;
        var echoed = new StrongBox<long>();
        long written = 0;
        try
        {
            await run.Measuring.ConfigureAwait(false);
            Task<int>? blocked = null;
            int length = 0;
            long start = 0;
            while (written < total)
            {
                start = Stopwatch.GetTimestamp();
                if (clock.IsOver(start))
                {
                    break;
                }

                length = (int)Math.Min(size, total - written);
                var send = socket.SendAsync(payload.Window(written, length), SocketFlags.None).AsTask();
                if (!send.IsCompleted && clock.StopAt != long.MaxValue)
                {
                    var untilStop = Stopwatch.GetElapsedTime(start, clock.StopAt);
                    await Task.WhenAny(send, Task.Delay(untilStop > TimeSpan.Zero ? untilStop : TimeSpan.Zero)).ConfigureAwait(false);
                }

                if (!send.IsCompleted)
                {
                    blocked = send; // the server stopped reading, and the window is over: finish it while draining
                    break;
                }

                if (await send.ConfigureAwait(false) != length)
                {
                    stats.CountUnexpectedClose();
                    return;
                }

                stats.RecordOperation(length, Stopwatch.GetTimestamp() - start);
                written += length;
            }

            // Reading lets the server echo again, so a blocked write completes; every echoed byte is compared with what was written.
            var draining = DrainAsync(socket, payload, stats, echoed);
            if (blocked is not null)
            {
                if (await blocked.ConfigureAwait(false) != length)
                {
                    stats.CountUnexpectedClose();
                    return;
                }

                stats.RecordOperation(length, Stopwatch.GetTimestamp() - start);
                written += length;
            }

            socket.Shutdown(SocketShutdown.Send);
            if (await draining.ConfigureAwait(false) && echoed.Value != written)
            {
                run.CountBrokenEcho(stats, echoed.Value);
            }
        }
        catch (Exception e) when (BenchRun.IsConnectionFailure(e))
        {
            run.CountBrokenEcho(stats, Math.Max(echoed.Value, 1));
        }
        finally
        {
            BenchRun.Close(stats, socket);
            run.Finished(index);
        }
    }

    /// <summary>Reads to the server's close, comparing every byte with the stream written; false (counted) on a mismatch.</summary>
    private static async Task<bool> DrainAsync(Socket socket, Payload payload, ConnectionStats stats, StrongBox<long> echoed)
    {
        var buffer = new byte[DrainBuffer];
        int n;
        while ((n = await socket.ReceiveAsync(buffer, SocketFlags.None).ConfigureAwait(false)) > 0)
        {
            if (!payload.Matches(echoed.Value, buffer.AsSpan(0, n)))
            {
                stats.CountMismatch();
                return false;
            }

            echoed.Value += n;
        }

        return true;
    }
}
