using System.Diagnostics;
using System.Net.Sockets;

namespace ActorEcho.Cli.Bench;

/// <summary><c>rr</c>: send SIZE bytes, receive all SIZE back, compare, repeat; one async loop per connection, buffers allocated once.</summary>
internal static class RequestResponseWorker
{
    /// <summary>Runs worker <paramref name="index"/> until the window closes, its count is done, or the connection fails.</summary>
    public static async Task RunAsync(BenchRun run, int index)
    {
        var socket = await run.StartWorkerAsync(index).ConfigureAwait(false);
        if (socket is null)
        {
            return;
        }

        var stats = run.Stats[index];
        var size = run.Options.Size;
        var payload = new Payload(run.Options.Seed, index, size);
        var response = new byte[size];
        var clock = run.Clock;
        var limit = run.Options.Count ?? long.MaxValue;
        long measured = 0;
        long position = 0;
        var received = 0;
        try
        {
            while (measured < limit)
            {
                var start = Stopwatch.GetTimestamp();
                if (clock.IsOver(start))
                {
                    break;
                }

                // Receive while the send may still be in progress: a large echo would deadlock if the whole request had to leave
                // first while the server is blocked writing the response back. NB: on a stream socket the send completes only
                // when all of it is sent.
                received = 0;
                var send = socket.SendAsync(payload.Window(position, size), SocketFlags.None);
                while (received < size)
                {
                    var n = await socket.ReceiveAsync(response.AsMemory(received), SocketFlags.None).ConfigureAwait(false);
                    if (n == 0)
                    {
                        run.CountBrokenEcho(stats, received);
                        return;
                    }

                    received += n;
                }

                if (await send.ConfigureAwait(false) != size)
                {
                    stats.CountUnexpectedClose();
                    return;
                }

                var end = Stopwatch.GetTimestamp();
                var matched = payload.Matches(position, response);
                if (!matched)
                {
                    stats.CountMismatch();
                }

                if (start >= clock.MeasureFrom)
                {
                    measured++; // a mismatched echo uses up the count too, so a corrupting server cannot make --count loop forever
                    if (matched)
                    {
                        stats.RecordOperation(size, end - start);
                    }
                }

                position += size;
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
