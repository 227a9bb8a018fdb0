using System.Buffers;
using System.Net.Sockets;
using ActorEcho.Actors.Dispatch;

namespace ActorEcho.IO.Internal;

/// <summary>
/// A connection's read loop: reads its socket until the peer's FIN, an error or <see cref="ReadGate.Stop"/>, telling the handler each
/// chunk as <see cref="Tcp.Received"/> directly (the connection actor is not on this path) and the connection actor how it ended.
/// </summary>
/// <remarks>
/// Each chunk is read into a buffer rented from <see cref="ArrayPool{T}.Shared"/> and copied into the <see cref="ByteString"/> it is
/// delivered in before the buffer goes back, so no pooled byte escapes. An idle connection holds no buffer: with
/// <c>wait-for-data-before-allocating-buffer</c> each read first waits with a zero-byte receive. The loop is an inline delivery
/// source: a handler on <see cref="Tcp.IODispatcherId"/> handles the chunk on this thread, and its writes to the connection (also
/// on that dispatcher) are sent from here too, so an echo costs no thread hop.
/// </remarks>
internal static class SocketReader
{
    /// <summary>Chunks delivered back to back before the loop lets its thread run other queued work (see <see cref="RunAsync"/>).</summary>
    private const int ChunksBetweenYields = 4;

    /// <summary>Runs the loop; ends by telling <paramref name="connection"/> a <see cref="ReadCompleted"/>. Never throws.</summary>
    public static async Task RunAsync(Socket socket, IActorRef handler, IActorRef connection, ReadGate gate, TcpSettings settings, TcpMetrics metrics)
    {
        var chunksWithoutYield = 0;
        var readSize = Math.Min(settings.MaxReceivedChunk, settings.ReceiveBufferSize);
        try
        {
            while (true)
            {
                await gate.WaitAsync().ConfigureAwait(false);
                if (gate.IsStopped)
                {
                    break;
                }

                if (settings.WaitForDataBeforeAllocatingBuffer)
                {
                    var ready = socket.ReceiveAsync(Memory<byte>.Empty, SocketFlags.None);
                    if (!ready.IsCompleted)
                    {
                        chunksWithoutYield = 0; // the loop waits for data: its thread runs other work meanwhile
                    }

                    await ready.ConfigureAwait(false);
                }

                var buffer = ArrayPool<byte>.Shared.Rent(readSize);
                int count;
                try
                {
                    var receive = socket.ReceiveAsync(buffer.AsMemory(0, readSize), SocketFlags.None);
                    count = receive.IsCompletedSuccessfully ? receive.Result : await receive.ConfigureAwait(false);
                    if (count == 0 || gate.IsStopped)
                    {
                        // The peer's FIN (or our own SHUT_RD); or the connection stopped the loop, and what came with the stop is not
                        // delivered, as a read cancelled a moment earlier would not have been.
                        break;
                    }

                    Deliver(buffer.AsSpan(0, count), handler, connection);
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                }

                metrics.BytesReceived(count); // counted as read, so a long-lived connection shows up before it ends
                if (++chunksWithoutYield >= ChunksBetweenYields)
                {
                    // While data keeps arriving every receive completes at once and this loop never gives its thread back. Work queued
                    // on that thread's local queue (the connection actor with the handler's SuspendReading) would wait behind it, and a
                    // client that never reads could push gigabytes into memory before reading stopped.
                    chunksWithoutYield = 0;
                    await Task.CompletedTask.ConfigureAwait(ConfigureAwaitOptions.ForceYielding); // to the thread pool, whatever context this thread has
                }
            }

            connection.Tell(gate.IsStopped ? ReadCompleted.Stopped : ReadCompleted.PeerClosed, null);
        }
        catch (Exception ex)
        {
            // Everything becomes a message: a connection's failure must not surface on the thread pool.
            connection.Tell(gate.IsStopped ? ReadCompleted.Stopped : new ReadCompleted(ex), null);
        }
    }

    private static void Deliver(ReadOnlySpan<byte> chunk, IActorRef handler, IActorRef connection)
    {
        var received = new Tcp.Received(ByteString.CopyFrom(chunk));
        var previous = Mailbox.EnterInlineSource();
        try
        {
            handler.Tell(received, connection); // a handler on io-dispatcher runs here, on this I/O thread
        }
        finally
        {
            Mailbox.ExitInlineSource(previous);
        }
    }
}

/// <summary>How a connection's read loop ended: the peer's FIN (no error), stopped by the connection, or failed.</summary>
internal sealed record ReadCompleted(Exception? Error) : IDeadLetterSuppression
{
    public static ReadCompleted PeerClosed { get; } = new((Exception?)null);

    public static ReadCompleted Stopped { get; } = new(new OperationCanceledException("The read loop was stopped."));
}
