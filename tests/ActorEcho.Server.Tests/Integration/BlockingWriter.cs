using System.Diagnostics;
using System.Net.Sockets;

namespace ActorEcho.Server.Tests.Integration;

/// <summary>How a <see cref="BlockingWriter"/> run ended.</summary>
/// <param name="Sent">Bytes the kernel accepted (exact: the writer uses non-blocking sends).</param>
/// <param name="Blocked">True when a send could not proceed for the whole blocked-after period: back-pressure reached the client.</param>
/// <param name="Elapsed">How long the client wrote before it stopped (without the blocked-after wait).</param>
public sealed record WriteOutcome(long Sent, bool Blocked, TimeSpan Elapsed);

/// <summary>
/// A client that writes a <see cref="PatternStream"/> and reads nothing, until TCP back-pressure stops it. It uses non-blocking sends
/// so that it knows exactly how many bytes the kernel took (a cancelled async send would not say); a send that cannot proceed waits
/// for writability (<see cref="Socket.Poll(TimeSpan, SelectMode)"/>) at most the blocked-after period.
/// </summary>
public static class BlockingWriter
{
    /// <summary>
    /// Writes on a dedicated thread until <paramref name="maxBytes"/>, <paramref name="writeFor"/>, or a send blocked for
    /// <paramref name="blockedAfter"/>; <paramref name="underWay"/> (if any) completes after the first MiB, or when the writer ends.
    /// </summary>
    public static Task<WriteOutcome> RunAsync(
        Socket socket, int seed, long maxBytes, TimeSpan writeFor, TimeSpan blockedAfter, TaskCompletionSource? underWay = null) =>
        Task.Factory.StartNew(
            () =>
            {
                try
                {
                    return WriteUntilBlocked(socket, new PatternStream(seed), maxBytes, writeFor, blockedAfter, underWay);
                }
                finally
                {
                    underWay?.TrySetResult();
                }
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);

    private static WriteOutcome WriteUntilBlocked(
        Socket socket, PatternStream source, long maxBytes, TimeSpan writeFor, TimeSpan blockedAfter, TaskCompletionSource? underWay)
    {
        var buffer = new byte[64 << 10];
        var offset = 0;
        var length = 0;
        long sent = 0;
        var stopwatch = Stopwatch.StartNew();
        socket.Blocking = false;
        try
        {
            while (sent < maxBytes && stopwatch.Elapsed < writeFor)
            {
                if (offset == length)
                {
                    length = (int)Math.Min(buffer.Length, maxBytes - sent);
                    offset = 0;
                    source.Fill(buffer.AsSpan(0, length));
                }

                var n = socket.Send(buffer, offset, length - offset, SocketFlags.None, out var error);
                if (error == SocketError.Success)
                {
                    offset += n;
                    sent += n;
                    if (sent >= 1 << 20)
                    {
                        underWay?.TrySetResult();
                    }

                    continue;
                }

                if (error != SocketError.WouldBlock)
                {
                    throw new SocketException((int)error);
                }

                if (!socket.Poll(blockedAfter, SelectMode.SelectWrite))
                {
                    return new WriteOutcome(sent, true, stopwatch.Elapsed - blockedAfter);
                }
            }

            return new WriteOutcome(sent, false, stopwatch.Elapsed);
        }
        finally
        {
            socket.Blocking = true;
        }
    }
}
