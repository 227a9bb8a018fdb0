using System.Diagnostics;
using System.Net.Sockets;

namespace ActorEcho.Cli.Bench;

/// <summary><c>idle</c>: open the connection, hold it without traffic until the runner says so, then check it still echoes SIZE bytes.</summary>
internal static class IdleWorker
{
    /// <summary>Runs worker <paramref name="index"/>: connect, wait for <see cref="BenchRun.Verify"/>, one verified echo.</summary>
    public static async Task RunAsync(BenchRun run, int index)
    {
        var socket = await run.StartWorkerAsync(index).ConfigureAwait(false);
        if (socket is null)
        {
            return;
        }

        var stats = run.Stats[index];
        var size = run.Options.Size;
        var received = 0;
        try
        {
            await run.Verify.ConfigureAwait(false);
            var payload = new Payload(run.Options.Seed, index, size);
            var response = new byte[size];
            var start = Stopwatch.GetTimestamp();
            var send = socket.SendAsync(payload.Window(0, size), SocketFlags.None);
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
            }
            else if (!payload.Matches(0, response))
            {
                stats.CountMismatch();
            }
            else
            {
                stats.RecordOperation(size, Stopwatch.GetTimestamp() - start);
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
