using ActorEcho.IO.Buffers;
using ActorEcho.IO.Tests.Tcp.Infrastructure;
using Xunit.Abstractions;

namespace ActorEcho.IO.Tests.Reliability;

/// <summary>
/// The write queue is bounded (Akka.NET's was not): with the transport stuck on a client that does not read, at most
/// <c>write-queue-max-bytes</c> of later writes are taken, the rest are refused at once (NACK) and never sent; the client receives
/// exactly the acked writes. After the peer resets, no write is ever acked.
/// </summary>
public sealed class WriteQueueReliabilityTests(ITestOutputHelper output)
    : TcpTestKit($"actorecho.io.tcp {{ write-queue-max-bytes = {QueueBytes} }}", output)
{
    private const int QueueBytes = 4096;
    private const int WriteSize = 1024;
    private const int FillLimit = 32_768; // 32 MiB of 1 KiB writes: far beyond the loopback kernel buffers

    [Fact]
    public async Task Write_TransportStuck_AtMostQueueLimitTakenRestNackedAtOnceAndClientGetsExactlyAckedWrites()
    {
        var handler = CreateTestProbe("handler");
        using var accepted = await ConnectRegisteredAsync(handler, useResumeWriting: false, clientReceiveBufferSize: 8192);
        var writes = new List<byte[]>();
        var answers = new Dictionary<int, bool>(); // id -> acked (true) or refused (false)

        // Phase 1: write until the first refusal, so the kernel buffers, the transport and the queue are all full.
        var firstNack = await FillUntilNackAsync(handler, accepted, writes, answers);
        Assert.True(firstNack > 0, "The very first write was refused.");

        // Phase 2: with the transport stuck, another 16 KiB of writes: at most QueueBytes of them can still be queued.
        const int Burst = 16;
        var burstStart = writes.Count;
        for (var i = 0; i < Burst; i++)
        {
            SendWrite(handler, accepted, writes);
        }

        var refusedAtOnce = 0;
        while (await handler.ReceiveOneAsync(TimeSpan.FromMilliseconds(500)) is { } message)
        {
            Record(message.Message, answers);
            if (message.Message is IO.Tcp.CommandFailed { Cmd: IO.Tcp.Write { Ack: TestAck { Id: var id } } } && id >= burstStart)
            {
                refusedAtOnce++;
            }
        }

        Assert.True(
            refusedAtOnce >= Burst - (QueueBytes / WriteSize),
            $"Only {refusedAtOnce} of {Burst} writes of {WriteSize} bytes were refused while the transport was stuck: the queue took more than {QueueBytes} bytes.");

        // The client reads everything; every write is then answered exactly once, and the client got exactly the acked writes in order.
        var reading = accepted.Client.ReceiveUntilEofAsync(TimeSpan.FromSeconds(30));
        while (answers.Count < writes.Count)
        {
            var message = await handler.ReceiveOneAsync(Wait);
            Assert.True(message is not null, $"Only {answers.Count} of {writes.Count} writes were answered.");
            Record(message.Message, answers);
        }

        handler.Send(accepted.Connection, IO.Tcp.Close.Instance);
        await handler.ExpectMsgAsync<IO.Tcp.Closed>(Wait);
        var outcome = await reading;
        Assert.Equal(ClientEnd.Eof, outcome.End);
        var expected = answers.Where(a => a.Value).OrderBy(a => a.Key).SelectMany(a => writes[a.Key]).ToArray();
        Assert.Equal(expected.Length, outcome.Data.Length);
        Assert.True(expected.AsSpan().SequenceEqual(outcome.Data), "The client's bytes are not exactly the acked writes, in order.");
        await handler.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public async Task Write_PeerResetsWithWritesPendingAndQueued_NoneAckedAfterTheResetAndOneErrorClosed()
    {
        var handler = CreateTestProbe("handler");
        using var accepted = await ConnectRegisteredAsync(handler, useResumeWriting: false, clientReceiveBufferSize: 8192);
        var connection = await handler.WatchAsync(accepted.Connection);
        var writes = new List<byte[]>();
        var answers = new Dictionary<int, bool>();
        await FillUntilNackAsync(handler, accepted, writes, answers);

        // Let the in-flight answers settle, then queue a little more (kept: the queue has room again only if the flush moved).
        while (await handler.ReceiveOneAsync(TimeSpan.FromMilliseconds(300)) is { } settled)
        {
            Record(settled.Message, answers);
        }

        accepted.Client.Reset();

        // Writes after the reset: none of them, and none still pending, may be acked. Each is refused or meets a dead connection.
        for (var i = 0; i < 8; i++)
        {
            SendWrite(handler, accepted, writes);
        }

        var ackedBefore = answers.Count(a => a.Value);
        var (closed, terminated, others) = await CollectAfterResetAsync(handler, connection, TimeSpan.FromMilliseconds(500));
        foreach (var other in others)
        {
            Record(other, answers);
        }

        Assert.True(closed is { IsErrorClosed: true }, $"Expected one ErrorClosed after the reset, got {closed?.ToString() ?? "none"}.");
        Assert.True(terminated, "The connection actor did not stop after the reset.");
        Assert.Equal(ackedBefore, answers.Count(a => a.Value));
    }

    private static async Task<int> FillUntilNackAsync(TestKit.TestProbe handler, AcceptedConnection accepted, List<byte[]> writes, Dictionary<int, bool> answers)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (writes.Count < FillLimit && DateTime.UtcNow < deadline)
        {
            SendWrite(handler, accepted, writes);
            if (writes.Count % 16 == 0)
            {
                while (await handler.ReceiveOneAsync(TimeSpan.FromMilliseconds(1)) is { } message)
                {
                    if (message.Message is IO.Tcp.CommandFailed { Cmd: IO.Tcp.Write { Ack: TestAck refused } })
                    {
                        answers[refused.Id] = false;
                        return refused.Id;
                    }

                    Record(message.Message, answers);
                }
            }
        }

        throw new TimeoutException($"No write was refused after {writes.Count} writes of {WriteSize} bytes to a client that does not read.");
    }

    private static void SendWrite(TestKit.TestProbe handler, AcceptedConnection accepted, List<byte[]> writes)
    {
        var id = writes.Count;
        var bytes = new byte[WriteSize];
        new Random(id).NextBytes(bytes);
        writes.Add(bytes);
        handler.Send(accepted.Connection, new IO.Tcp.Write(ByteString.FromBytes(bytes), new TestAck(id)));
    }

    private static void Record(object message, Dictionary<int, bool> answers)
    {
        switch (message)
        {
            case TestAck ack:
                Assert.True(answers.TryAdd(ack.Id, true), $"Write {ack.Id} answered twice (ack after {(answers[ack.Id] ? "ack" : "NACK")}).");
                break;
            case IO.Tcp.CommandFailed { Cmd: IO.Tcp.Write { Ack: TestAck refused } }:
                Assert.True(answers.TryAdd(refused.Id, false), $"Write {refused.Id} answered twice (NACK after {(answers[refused.Id] ? "ack" : "NACK")}).");
                break;
            default:
                Assert.Fail($"Unexpected message {message}.");
                break;
        }
    }
}
