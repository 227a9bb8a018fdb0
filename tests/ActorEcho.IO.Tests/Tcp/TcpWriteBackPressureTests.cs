using ActorEcho.IO.Buffers;
using ActorEcho.IO.Tests.Tcp.Infrastructure;
using Xunit.Abstractions;

namespace ActorEcho.IO.Tests.Tcp;

/// <summary>
/// Write back-pressure with a tiny write queue (4 KiB): a writer that outpaces a client that does not
/// read gets NACKs; ResumeWriting is answered once the client drains; NACKed bytes are never sent.
/// </summary>
public sealed class TcpWriteBackPressureTests(ITestOutputHelper output)
    : TcpTestKit("actorecho.io.tcp { write-queue-max-bytes = 4KiB }", output)
{
    [Fact]
    public async Task Write_ClientNotReading_NackThenWritingResumedAndNackedBytesNotSent()
    {
        const int WriteSize = 1024;
        const int MaxWrites = 32_768; // 32 MiB: far beyond what loopback buffers hold
        var handler = CreateTestProbe("handler");
        using var accepted = await ConnectRegisteredAsync(handler, clientReceiveBufferSize: 8192);

        // Every write carries the same kind of bytes, numbered by its index, so the client's bytes tell which writes arrived.
        static ByteString Block(int index)
        {
            var bytes = new byte[WriteSize];
            BitConverter.TryWriteBytes(bytes, index);
            bytes.AsSpan(4).Fill((byte)index);
            return ByteString.UnsafeWrap(bytes);
        }

        var sent = 0;
        IO.Tcp.CommandFailed? firstNack = null;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (firstNack is null && sent < MaxWrites && DateTime.UtcNow < deadline)
        {
            handler.Send(accepted.Connection, new IO.Tcp.Write(Block(sent), new IO.Tcp.NoAck(sent)));
            sent++;
            if (sent % 16 == 0)
            {
                // Look (briefly) for a NACK; the writer never waits for acks.
                if (await handler.ReceiveOneAsync(TimeSpan.FromMilliseconds(1)) is { } message)
                {
                    firstNack = Assert.IsType<IO.Tcp.CommandFailed>(message.Message);
                }
            }
        }

        firstNack ??= await handler.ExpectMsgAsync<IO.Tcp.CommandFailed>(Wait, "a NACK after the last write");
        var firstNacked = (int)Assert.IsType<IO.Tcp.NoAck>(Assert.IsType<IO.Tcp.Write>(firstNack.Cmd).Ack).Token!;
        Assert.InRange(firstNacked, 1, sent - 1);

        // With useResumeWriting every later write is NACKed too, in order; ResumeWriting comes after all of them.
        handler.Send(accepted.Connection, IO.Tcp.ResumeWriting.Instance);
        for (var i = firstNacked + 1; i < sent; i++)
        {
            var nack = await handler.ExpectMsgAsync<IO.Tcp.CommandFailed>(Wait, $"the NACK of write {i}");
            Assert.Equal(i, (int)((IO.Tcp.NoAck)((IO.Tcp.Write)nack.Cmd).Ack).Token!);
        }

        // The client now reads everything that was accepted; then WritingResumed arrives.
        var expected = firstNacked * WriteSize;
        var received = await accepted.Client.ReceiveExactlyAsync(expected, TimeSpan.FromSeconds(10));
        await handler.ExpectMsgAsync<IO.Tcp.WritingResumed>(Wait);

        // Writing works again; the client's stream is exactly the accepted writes, in order, then the new write, then EOF.
        handler.Send(accepted.Connection, new IO.Tcp.Write(Block(sent), new TestAck(1)));
        await handler.ExpectMsgAsync(new TestAck(1), Wait);
        handler.Send(accepted.Connection, IO.Tcp.Close.Instance);
        await handler.ExpectMsgAsync<IO.Tcp.Closed>(Wait);
        var rest = await accepted.Client.ReceiveUntilEofAsync();
        Assert.Equal(ClientEnd.Eof, rest.End);
        Assert.Equal(WriteSize, rest.Data.Length);
        Assert.Equal(sent, BitConverter.ToInt32(rest.Data));
        for (var i = 0; i < firstNacked; i++)
        {
            Assert.True(Block(i).ToArray().AsSpan().SequenceEqual(received.AsSpan(i * WriteSize, WriteSize)), $"Block {i} differs.");
        }

        await handler.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task Write_NackModeWithoutResumeWriting_EachWriteAckedOrNackedAndOnlyAckedBytesSent()
    {
        const int WriteSize = 1024;
        const int Writes = 8192; // 8 MiB at once: more than the kernel buffers on loopback (tcp_wmem max 4 MiB) plus a 4 KiB queue, so some writes must be refused
        var handler = CreateTestProbe("handler");
        using var accepted = await ConnectRegisteredAsync(handler, useResumeWriting: false, clientReceiveBufferSize: 8192);
        var blocks = Enumerable.Range(0, Writes).Select(i => RandomBytes(WriteSize, seed: 100 + i)).ToArray();

        for (var i = 0; i < Writes; i++)
        {
            handler.Send(accepted.Connection, new IO.Tcp.Write(ByteString.FromBytes(blocks[i]), new TestAck(i)));
        }

        // The client starts reading only at the first refusal: reading from the start could drain the kernel as fast as the server
        // fills it (on a loaded machine), and then nothing would ever be refused.
        Task<ReceiveOutcome>? reading = null;

        // Every write gets exactly one answer: its ack (accepted, in order) or a CommandFailed (refused).
        var acked = new List<int>();
        var nacked = new HashSet<int>();
        for (var answers = 0; answers < Writes; answers++)
        {
            var message = (await handler.ReceiveOneAsync(Wait))?.Message;
            switch (message)
            {
                case TestAck ack:
                    if (acked.Count > 0)
                    {
                        Assert.True(ack.Id > acked[^1], $"Ack {ack.Id} after ack {acked[^1]}.");
                    }

                    acked.Add(ack.Id);
                    break;
                case IO.Tcp.CommandFailed { Cmd: IO.Tcp.Write { Ack: TestAck refused } }:
                    Assert.True(nacked.Add(refused.Id), $"Write {refused.Id} refused twice.");
                    reading ??= accepted.Client.ReceiveUntilEofAsync(TimeSpan.FromSeconds(15));
                    break;
                default:
                    Assert.Fail($"After {answers} answers, expected an ack or a NACK, got {message?.ToString() ?? "nothing"}.");
                    break;
            }
        }

        Assert.Empty(acked.Intersect(nacked));
        Assert.NotEmpty(nacked);
        Assert.NotEmpty(acked);

        handler.Send(accepted.Connection, IO.Tcp.Close.Instance);
        await handler.ExpectMsgAsync<IO.Tcp.Closed>(Wait);
        var outcome = await reading!;
        Assert.Equal(ClientEnd.Eof, outcome.End);
        var expected = acked.SelectMany(i => blocks[i]).ToArray();
        Assert.Equal(expected.Length, outcome.Data.Length);
        Assert.True(expected.AsSpan().SequenceEqual(outcome.Data), "The client's bytes are not exactly the acked writes in order.");
    }

    [Fact]
    public async Task ResumeWriting_NothingPending_WritingResumedAtOnce()
    {
        var handler = CreateTestProbe("handler");
        using var accepted = await ConnectRegisteredAsync(handler);

        handler.Send(accepted.Connection, IO.Tcp.ResumeWriting.Instance);

        await handler.ExpectMsgAsync<IO.Tcp.WritingResumed>(Wait);
    }
}
