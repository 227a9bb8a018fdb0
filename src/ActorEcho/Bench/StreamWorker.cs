using System.Diagnostics;
using System.Net.Sockets;

namespace ActorEcho.Cli.Bench;

/// <summary>
/// <c>stream</c>: pipelined writes of SIZE bytes while reading the echo back, every byte compared, at most
/// <see cref="InFlightBytes"/> bytes sent but not yet echoed. One async loop per connection drives both directions: it starts a
/// write whenever none is pending and the window allows, then awaits the next read (there is always something in flight to read).
/// </summary>
internal static class StreamWorker
{
    /// <summary>Bytes a connection may have sent and not yet had echoed: at least two writes, at least 64 KiB.</summary>
    public static long InFlightBytes(int size) => Math.Max(2L * size, 64 * 1024);

    /// <summary>Runs worker <paramref name="index"/> until the window closes (then drains the echoes in flight), its count is done, or the connection fails.</summary>
    public static async Task RunAsync(BenchRun run, int index)
    {
        await Task.Yield();
        var stats = run.Stats[index];
        var socket = await run.ConnectInitialAsync(index).ConfigureAwait(false);
        if (socket is null)
        {
            run.Finished(index);
            return;
        }

        var size = run.Options.Size;
        var receiveLength = Math.Clamp(size, 16 * 1024, 1024 * 1024);
        var payload = new Payload(run.Options.Seed, index, Math.Max(size, receiveLength));
        var buffer = new byte[receiveLength];
        var inFlightLimit = InFlightBytes(size);
        var issuedAt = new long[(inFlightLimit / size) + 2]; // ring of write timestamps, one per write not yet fully echoed
        var clock = run.Clock;
        var limit = run.Options.Count ?? long.MaxValue;
        long issued = 0, completed = 0, receivedBytes = 0, measuredIssued = 0;
        var sending = false;
        ValueTask<int> pendingSend = default;
        try
        {
            while (true)
            {
                var now = Stopwatch.GetTimestamp();
                var stopping = clock.IsOver(now) || measuredIssued >= limit;
                while (!stopping && !sending && (issued * size) - receivedBytes + size <= inFlightLimit)
                {
                    issuedAt[issued % issuedAt.Length] = now;
                    if (now >= clock.MeasureFrom)
                    {
                        measuredIssued++;
                        stopping = measuredIssued >= limit;
                    }

                    pendingSend = socket.SendAsync(payload.Window(issued * size, size), SocketFlags.None);
                    issued++;
                    if (pendingSend.IsCompleted)
                    {
                        if (pendingSend.GetAwaiter().GetResult() != size)
                        {
                            stats.CountUnexpectedClose();
                            return;
                        }
                    }
                    else
                    {
                        sending = true;
                    }
                }

                var inFlight = (issued * size) - receivedBytes;
                if (inFlight == 0)
                {
                    break; // stopping, and every write has come back (a pending write cannot have been echoed in full)
                }

                var n = await socket.ReceiveAsync(buffer.AsMemory(0, (int)Math.Min(receiveLength, inFlight)), SocketFlags.None).ConfigureAwait(false);
                if (n == 0)
                {
                    stats.CountShortRead();
                    return;
                }

                if (!payload.Matches(receivedBytes, buffer.AsSpan(0, n)))
                {
                    stats.CountMismatch();
                }

                receivedBytes += n;
                var end = Stopwatch.GetTimestamp();
                while ((completed + 1) * size <= receivedBytes)
                {
                    var writtenAt = issuedAt[completed % issuedAt.Length];
                    if (writtenAt >= clock.MeasureFrom)
                    {
                        stats.RecordOperation(size, end - writtenAt);
                    }

                    completed++;
                }

                if (sending && pendingSend.IsCompleted)
                {
                    sending = false;
                    if (pendingSend.GetAwaiter().GetResult() != size)
                    {
                        stats.CountUnexpectedClose();
                        return;
                    }
                }
            }
        }
        catch (Exception e) when (BenchRun.IsConnectionFailure(e))
        {
            if (!clock.Aborted)
            {
                // Everything in flight was expected back: a close with bytes outstanding cuts an echo short.
                RequestResponseWorker.CountClose(stats, (int)Math.Min(1, (issued * size) - receivedBytes));
            }
        }
        finally
        {
            BenchRun.Close(stats, socket);
            run.Finished(index);
        }
    }
}
