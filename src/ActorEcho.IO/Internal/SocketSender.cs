using System.Buffers;
using System.Net.Sockets;

namespace ActorEcho.IO.Internal;

/// <summary>
/// Hands a batch of writes to a connected socket. A batch of one contiguous payload (the echo case) is sent straight from it; several
/// small payloads are copied into one pooled buffer first, so a burst of queued writes costs one send call. Completes when the kernel
/// took every byte; the result is the error that stopped it, or null. Never throws.
/// </summary>
/// <remarks>
/// The caller must not change the batch list until the send completed: payloads are read from it while sending. Pooled
/// staging buffers are returned when the send completes and never leave this class.
/// </remarks>
internal static class SocketSender
{
    /// <summary>Batches up to this size are copied into one pooled buffer and sent with one call; larger ones are sent part by part.</summary>
    internal const int MaxStagedBytes = 256 * 1024;

    public static ValueTask<Exception?> SendAsync(Socket socket, List<PendingWrite> batch)
    {
        var parts = 0;
        long total = 0;
        ReadOnlyMemory<byte> last = default;
        foreach (var pending in batch)
        {
            if (pending.Command is Tcp.Write write)
            {
                Count(write.Data, ref parts, ref total, ref last);
            }
            else
            {
                foreach (var part in ((Tcp.CompoundWrite)pending.Command).Writes)
                {
                    Count(part.Data, ref parts, ref total, ref last);
                }
            }
        }

        return parts switch
        {
            0 => default,
            1 => SendExactAsync(socket, last),
            _ when total <= MaxStagedBytes => SendStagedAsync(socket, batch, (int)total),
            _ => SendEachAsync(socket, batch),
        };
    }

    private static void Count(ByteString data, ref int parts, ref long total, ref ReadOnlyMemory<byte> last)
    {
        foreach (var segment in data.GetSegments())
        {
            if (!segment.IsEmpty)
            {
                parts++;
                total += segment.Length;
                last = segment;
            }
        }
    }

    private static async ValueTask<Exception?> SendExactAsync(Socket socket, ReadOnlyMemory<byte> data)
    {
        try
        {
            while (!data.IsEmpty)
            {
                var sent = await socket.SendAsync(data, SocketFlags.None).ConfigureAwait(false);
                data = data[sent..];
            }

            return null;
        }
        catch (Exception ex)
        {
            return ex;
        }
    }

    private static async ValueTask<Exception?> SendStagedAsync(Socket socket, List<PendingWrite> batch, int total)
    {
        var staging = ArrayPool<byte>.Shared.Rent(total);
        try
        {
            var written = 0;
            foreach (var pending in batch)
            {
                if (pending.Command is Tcp.Write write)
                {
                    written += Copy(write.Data, staging.AsSpan(written));
                }
                else
                {
                    foreach (var part in ((Tcp.CompoundWrite)pending.Command).Writes)
                    {
                        written += Copy(part.Data, staging.AsSpan(written));
                    }
                }
            }

            return await SendExactAsync(socket, staging.AsMemory(0, written)).ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(staging);
        }
    }

    private static int Copy(ByteString data, Span<byte> destination)
    {
        var written = 0;
        foreach (var segment in data.GetSegments())
        {
            segment.Span.CopyTo(destination[written..]);
            written += segment.Length;
        }

        return written;
    }

    private static async ValueTask<Exception?> SendEachAsync(Socket socket, List<PendingWrite> batch)
    {
        foreach (var pending in batch)
        {
            var error = pending.Command is Tcp.Write write
                ? await SendSegmentsAsync(socket, write.Data).ConfigureAwait(false)
                : await SendPartsAsync(socket, (Tcp.CompoundWrite)pending.Command).ConfigureAwait(false);
            if (error is not null)
            {
                return error;
            }
        }

        return null;
    }

    private static async ValueTask<Exception?> SendPartsAsync(Socket socket, Tcp.CompoundWrite compound)
    {
        foreach (var part in compound.Writes)
        {
            if (await SendSegmentsAsync(socket, part.Data).ConfigureAwait(false) is { } error)
            {
                return error;
            }
        }

        return null;
    }

    private static async ValueTask<Exception?> SendSegmentsAsync(Socket socket, ByteString data)
    {
        foreach (var segment in data.GetSegments())
        {
            if (await SendExactAsync(socket, segment).ConfigureAwait(false) is { } error)
            {
                return error;
            }
        }

        return null;
    }
}
