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
    /// <summary>
    /// Bytes a connection may have sent and not yet had echoed: 1 MiB (at most 4,096 writes, which bounds the timestamp ring), at
    /// least two writes. A 64 KiB window measured 11 MB/s instead of 420 MB/s against seed-pthread (4 connections, 4 KiB): with
    /// the window full the client stops sending, so its ACKs are delayed 40 ms while the server's Nagle holds its next 1 KiB write.
    /// </summary>
    public static long InFlightBytes(int size) => Math.Max(2L * size, Math.Min(1024 * 1024, 4096L * size));

    /// <summary>Runs worker <paramref name="index"/> until the window closes (then drains the echoes in flight), its count is done, or the connection fails.</summary>
    public static async Task RunAsync(BenchRun run, int index)
    {
        var socket = await run.StartWorkerAsync(index).ConfigureAwait(false);
        if (socket is null)
        {
            return;
        }

        var stats = run.Stats[index];
        var size = run.Options.Size;
        var receiveLength = Math.Clamp(size, 16 * 1024, 1024 * 1024);
        var payload = new Payload(run.Options.Seed, index, Math.Max(size, receiveLength));
        var buffer = new byte[receiveLength];
        var inFlightLimit = InFlightBytes(size);
        var issuedAt = new long[(inFlightLimit / size) + 2]; // ring of write timestamps (-1: unmeasured), one per write not yet fully echoed
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
                    // Decide once, at the write, whether it is measured (-1 marks it unmeasured): deciding again when it comes back
                    // would count writes issued while the runner was opening the window, beyond --count.
                    var measured = now >= clock.MeasureFrom;
                    issuedAt[issued % issuedAt.Length] = measured ? now : -1;
                    if (measured)
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
                    if (writtenAt >= 0)
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
            // Everything in flight was expected back: a close with bytes outstanding cuts an echo short.
            run.CountBrokenEcho(stats, (issued * size) - receivedBytes);
        }
        finally
        {
            BenchRun.Close(stats, socket);
            run.Finished(index);
        }
    }
}
