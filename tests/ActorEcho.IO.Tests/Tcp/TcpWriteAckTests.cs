using ActorEcho.IO.Buffers;
using ActorEcho.IO.Tests.Tcp.Infrastructure;
using Xunit.Abstractions;

namespace ActorEcho.IO.Tests.Tcp;

/// <summary>
/// What an ack means (issue 7): the write's bytes were handed to the socket, i.e. the kernel holds them. Checked with a client that
/// does not read, so the kernel's buffers fill: a write beyond what the kernel took stays unacked, and fails if the peer resets.
/// Runs with the default settings.
/// </summary>
public sealed class TcpWriteAckTests(ITestOutputHelper output) : TcpTestKit(null, output)
{
    private const int BlockSize = 4096;
    private const int MaxBlocks = 8192; // 32 MiB: far beyond the loopback kernel buffers (tcp_wmem max 4 MiB, client window 8 KiB)

    /// <summary>How long a write may stay unacked before the writer counts the transport as stuck.</summary>
    private static readonly TimeSpan StallAfter = TimeSpan.FromMilliseconds(500);

    [Fact]
    public async Task Write_ClientNotReading_EveryAckedByteIsInTheKernel()
    {
        var handler = CreateTestProbe("handler");
        using var accepted = await ConnectRegisteredAsync(handler, clientReceiveBufferSize: 8192);

        var stalled = await WriteUntilStalledAsync(handler, accepted);

        // Whatever was acked is in the kernel (the server's send queue or the client's receive queue), not in a buffer of ours.
        var acked = (long)stalled * BlockSize;
        var held = KernelQueues.BytesHeld(accepted.Client);
        Assert.True(acked <= held, $"{acked} bytes acked but the kernel holds only {held}: an ack came before its bytes reached the socket.");

        // Once the client reads, the stalled write reaches the kernel and is acked; the client gets every block in order.
        var reading = accepted.Client.ReceiveExactlyAsync((stalled + 1) * BlockSize, TimeSpan.FromSeconds(15));
        await handler.ExpectMsgAsync(new TestAck(stalled), Wait);
        var data = await reading;
        for (var i = 0; i <= stalled; i++)
        {
            Assert.True(data.AsSpan(i * BlockSize, BlockSize).SequenceEqual(Block(i)), $"Block {i} differs.");
        }
    }

    [Fact]
    public async Task Write_PeerResetsWhileWriteUnsent_WriteFailedNeverAckedAndOneErrorClosed()
    {
        var handler = CreateTestProbe("handler");
        using var accepted = await ConnectRegisteredAsync(handler, clientReceiveBufferSize: 8192);
        var connection = await handler.WatchAsync(accepted.Connection);
        var stalled = await WriteUntilStalledAsync(handler, accepted);

        accepted.Client.Reset();

        var (closed, terminated, others) = await CollectAfterResetAsync(handler, connection, TimeSpan.FromMilliseconds(500));

        var failed = Assert.Single(others);
        Assert.Equal(new TestAck(stalled), Assert.IsType<IO.Tcp.Write>(Assert.IsType<IO.Tcp.CommandFailed>(failed).Cmd).Ack);
        Assert.True(closed is { IsErrorClosed: true }, $"Expected one ErrorClosed, got {closed?.ToString() ?? "none"}.");
        Assert.True(terminated, "The connection actor did not stop after the reset.");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Close_PeerResetsWhileWritePending_WriteFailedAndOneErrorClosed(bool confirmed)
    {
        var handler = CreateTestProbe("handler");
        using var accepted = await ConnectRegisteredAsync(handler, clientReceiveBufferSize: 8192);
        var connection = await handler.WatchAsync(accepted.Connection);
        handler.Send(accepted.Connection, new IO.Tcp.Write(ByteString.UnsafeWrap(new byte[16 << 20]), new TestAck(1))); // 4x what the kernel can hold
        handler.Send(accepted.Connection, confirmed ? IO.Tcp.ConfirmedClose.Instance : IO.Tcp.Close.Instance); // waits for the write
        var late = new IO.Tcp.Write(ByteString.FromString("x"), new TestAck(2));
        handler.Send(accepted.Connection, late);
        Assert.Same(late, (await handler.ExpectMsgAsync<IO.Tcp.CommandFailed>(Wait)).Cmd); // so the close is in effect

        accepted.Client.Reset();

        // The reset reaches the read loop and the pending send; whichever the connection hears first, the write fails and the close
        // is an error (not the graceful Closed the handler asked for: its last write never went out).
        var (closed, terminated, others) = await CollectAfterResetAsync(handler, connection, TimeSpan.FromMilliseconds(500));

        var failed = Assert.Single(others);
        Assert.Equal(new TestAck(1), Assert.IsType<IO.Tcp.Write>(Assert.IsType<IO.Tcp.CommandFailed>(failed).Cmd).Ack);
        Assert.True(closed is { IsErrorClosed: true }, $"Expected one ErrorClosed, got {closed?.ToString() ?? "none"}.");
        Assert.True(terminated, "The connection actor did not stop after the reset.");
    }

    [Fact]
    public async Task Write_OneByteAndLargerWritesMixed_AckedInOrderAndClientGetsAllInOrder()
    {
        int[] sizes = [1, 1, 5000, 1, 2, 1, 70_000, 1, 0, 1];
        var handler = CreateTestProbe("handler");
        using var accepted = await ConnectRegisteredAsync(handler);
        var payloads = sizes.Select((size, i) => RandomBytes(size, seed: 40 + i)).ToArray();

        for (var i = 0; i < payloads.Length; i++)
        {
            handler.Send(accepted.Connection, new IO.Tcp.Write(ByteString.FromBytes(payloads[i]), new TestAck(i)));
        }

        var expected = payloads.SelectMany(p => p).ToArray();
        var reading = accepted.Client.ReceiveExactlyAsync(expected.Length);
        for (var i = 0; i < payloads.Length; i++)
        {
            await handler.ExpectMsgAsync(new TestAck(i), Wait);
        }

        Assert.Equal(expected, await reading);
    }

    /// <summary>Block <paramref name="index"/>: its number, then its low byte repeated, so the client's bytes tell which block arrived.</summary>
    private static byte[] Block(int index)
    {
        var bytes = new byte[BlockSize];
        BitConverter.TryWriteBytes(bytes, index);
        bytes.AsSpan(4).Fill((byte)index);
        return bytes;
    }

    /// <summary>Writes blocks one at a time, each after the previous ack, until one stays unacked; returns its index.</summary>
    private static async Task<int> WriteUntilStalledAsync(TestKit.TestProbe handler, AcceptedConnection accepted)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        for (var i = 0; i < MaxBlocks && DateTime.UtcNow < deadline; i++)
        {
            handler.Send(accepted.Connection, new IO.Tcp.Write(ByteString.UnsafeWrap(Block(i)), new TestAck(i)));
            var answer = await handler.ReceiveOneAsync(StallAfter);
            while (answer is null)
            {
                // A slow ack on a loaded machine is not a stall: it is one only if the kernel's queues stopped growing short of
                // holding this block.
                var held = KernelQueues.BytesHeld(accepted.Client);
                answer = await handler.ReceiveOneAsync(StallAfter);
                if (answer is null && KernelQueues.BytesHeld(accepted.Client) == held && held < (long)(i + 1) * BlockSize)
                {
                    return i;
                }

                if (DateTime.UtcNow >= deadline)
                {
                    throw new TimeoutException($"Write {i} neither acked nor stalled within the deadline.");
                }
            }

            Assert.Equal(new TestAck(i), answer.Message);
        }

        throw new InvalidOperationException($"The writes never stalled although the client does not read ({MaxBlocks} blocks).");
    }
}
