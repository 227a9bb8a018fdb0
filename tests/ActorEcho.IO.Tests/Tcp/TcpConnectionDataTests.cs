using System.Text;
using ActorEcho.IO.Buffers;
using ActorEcho.IO.Tests.Tcp.Infrastructure;
using Xunit.Abstractions;

namespace ActorEcho.IO.Tests.Tcp;

/// <summary>Connected, Register, Received, Write (acks, compound writes) and read throttling, over real loopback sockets.</summary>
public sealed class TcpConnectionDataTests(ITestOutputHelper output) : TcpTestKit(null, output)
{
    [Fact]
    public async Task Connected_NewClient_CarriesClientAndServerEndpoints()
    {
        var bindHandler = CreateTestProbe("bind-handler");
        var (listener, address) = await BindAsync(bindHandler);

        using var accepted = await AcceptAsync(bindHandler, address);

        Assert.Equal(accepted.Client.LocalEndPoint, accepted.Connected.RemoteAddress);
        Assert.Equal(accepted.Client.RemoteEndPoint, accepted.Connected.LocalAddress);
        Assert.Equal(address, accepted.Connected.LocalAddress);
        Assert.Equal(listener.Path, accepted.Connection.Path.Parent);
    }

    [Fact]
    public async Task Register_ClientSendsBytes_HandlerReceivesSameBytesInOrder()
    {
        var handler = CreateTestProbe("handler");
        using var accepted = await ConnectRegisteredAsync(handler);
        var payload = RandomBytes(20_000, seed: 1);

        await accepted.Client.SendChunkedAsync(payload, 1000);

        Assert.Equal(payload, await ExpectReceivedAsync(handler, payload.Length));
        Assert.Equal(accepted.Connection, handler.LastSender);
        await handler.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task Received_LargeSend_ChunksAtMostMaxReceivedChunkAndInOrder()
    {
        var handler = CreateTestProbe("handler");
        using var accepted = await ConnectRegisteredAsync(handler);
        var payload = RandomBytes(1 << 20, seed: 9);
        var sending = accepted.Client.SendAsync(payload);

        var received = new List<byte>(payload.Length);
        var deadline = DateTime.UtcNow + Wait;
        while (received.Count < payload.Length && DateTime.UtcNow < deadline)
        {
            var chunk = await handler.ExpectMsgAsync<IO.Tcp.Received>(Wait);
            Assert.InRange(chunk.Data.Count, 1, 64 << 10); // max-received-chunk default
            received.AddRange(chunk.Data.ToArray());
        }

        await sending;
        Assert.Equal(payload, received.ToArray());
        await handler.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task Register_BeforeRegister_NothingIsRead()
    {
        var bindHandler = CreateTestProbe("bind-handler");
        var handler = CreateTestProbe("handler");
        var (_, address) = await BindAsync(bindHandler);
        using var accepted = await AcceptAsync(bindHandler, address);
        var payload = Encoding.ASCII.GetBytes("sent before Register");

        await accepted.Client.SendAsync(payload);
        await bindHandler.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(200));
        handler.Send(accepted.Connection, new IO.Tcp.Register(handler.Ref));

        Assert.Equal(payload, await ExpectReceivedAsync(handler, payload.Length));
        await bindHandler.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task Register_Twice_SecondCommandFailed()
    {
        var handler = CreateTestProbe("handler");
        using var accepted = await ConnectRegisteredAsync(handler);
        var other = CreateTestProbe("other");

        var second = new IO.Tcp.Register(other.Ref);
        other.Send(accepted.Connection, second);

        var failed = await other.ExpectMsgAsync<IO.Tcp.CommandFailed>(Wait);
        Assert.Same(second, failed.Cmd);
        await accepted.Client.SendAsync(new byte[] { 7 });
        Assert.Equal([7], await ExpectReceivedAsync(handler, 1));
    }

    [Fact]
    public async Task Write_FromHandler_ClientReceivesBytes()
    {
        var handler = CreateTestProbe("handler");
        using var accepted = await ConnectRegisteredAsync(handler);
        var payload = RandomBytes(100_000, seed: 2);

        handler.Send(accepted.Connection, new IO.Tcp.Write(ByteString.FromBytes(payload)));

        Assert.Equal(payload, await accepted.Client.ReceiveExactlyAsync(payload.Length));
        await handler.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task Write_WithAck_AckArrivesAtWriterAndClientReceivesBytes()
    {
        var handler = CreateTestProbe("handler");
        var writer = CreateTestProbe("writer");
        using var accepted = await ConnectRegisteredAsync(handler);
        var payload = Encoding.ASCII.GetBytes("acked write");

        writer.Send(accepted.Connection, new IO.Tcp.Write(ByteString.FromBytes(payload), new TestAck(1)));

        await writer.ExpectMsgAsync(new TestAck(1), Wait);
        Assert.Equal(accepted.Connection, writer.LastSender);
        Assert.Equal(payload, await accepted.Client.ReceiveExactlyAsync(payload.Length));
        await handler.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
        await writer.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task Write_ManyAckedWrites_AcksInOrderAndBytesInOrder()
    {
        var handler = CreateTestProbe("handler");
        using var accepted = await ConnectRegisteredAsync(handler);
        var payload = RandomBytes(50 * 2000, seed: 3);

        for (var i = 0; i < 50; i++)
        {
            handler.Send(accepted.Connection, new IO.Tcp.Write(ByteString.CopyFrom(payload, i * 2000, 2000), new TestAck(i)));
        }

        var received = accepted.Client.ReceiveExactlyAsync(payload.Length);
        for (var i = 0; i < 50; i++)
        {
            await handler.ExpectMsgAsync(new TestAck(i), Wait);
        }

        Assert.Equal(payload, await received);
    }

    [Fact]
    public async Task CompoundWrite_PartsWithAcks_ClientReceivesAllInOrderAndEachPartsAck()
    {
        var handler = CreateTestProbe("handler");
        using var accepted = await ConnectRegisteredAsync(handler);
        var parts = new[] { RandomBytes(10, 4), RandomBytes(70_000, 5), RandomBytes(1, 6), RandomBytes(3000, 7) };

        handler.Send(accepted.Connection, IO.Tcp.WriteCommand.Create(
            new IO.Tcp.Write(ByteString.FromBytes(parts[0]), new TestAck(1)),
            new IO.Tcp.Write(ByteString.FromBytes(parts[1])),
            new IO.Tcp.Write(ByteString.FromBytes(parts[2]), new TestAck(3)),
            new IO.Tcp.Write(ByteString.FromBytes(parts[3]), new TestAck(4))));

        var expected = parts.SelectMany(p => p).ToArray();
        Assert.Equal(expected, await accepted.Client.ReceiveExactlyAsync(expected.Length));
        await handler.ExpectMsgAsync(new TestAck(1), Wait);
        await handler.ExpectMsgAsync(new TestAck(3), Wait);
        await handler.ExpectMsgAsync(new TestAck(4), Wait);
        await handler.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task SuspendReading_ClientKeepsSending_NothingLostAndAllInOrderAfterResumeReading()
    {
        var handler = CreateTestProbe("handler");
        using var accepted = await ConnectRegisteredAsync(handler);
        var payload = RandomBytes(100 << 10, seed: 8);
        const int First = 1024;

        await accepted.Client.SendAsync(payload.AsMemory(0, First));
        var head = await ExpectReceivedAsync(handler, First);
        handler.Send(accepted.Connection, IO.Tcp.SuspendReading.Instance);
        // An ack of an empty write proves SuspendReading was processed (same sender, same mailbox, in order).
        handler.Send(accepted.Connection, new IO.Tcp.Write(ByteString.Empty, new TestAck(1)));
        await handler.ExpectMsgAsync(new TestAck(1), Wait);

        await accepted.Client.SendChunkedAsync(payload.AsMemory(First), 4096);

        // At most the read already in flight when reading was suspended is delivered (one chunk); the rest waits.
        var whileSuspended = new List<byte>();
        var chunks = 0;
        while (await handler.ReceiveOneAsync(TimeSpan.FromMilliseconds(300)) is { } message)
        {
            whileSuspended.AddRange(Assert.IsType<IO.Tcp.Received>(message.Message).Data.ToArray());
            chunks++;
            Assert.True(chunks <= 1, $"{chunks} Received while reading was suspended.");
        }

        Assert.True(First + whileSuspended.Count < payload.Length, "Everything arrived although reading was suspended.");

        handler.Send(accepted.Connection, IO.Tcp.ResumeReading.Instance);
        var rest = await ExpectReceivedAsync(handler, payload.Length - First - whileSuspended.Count);

        Assert.Equal(payload, head.Concat(whileSuspended).Concat(rest).ToArray());
        await handler.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task ResumeReading_PullMode_OneReceivedPerResumeReading()
    {
        var handler = CreateTestProbe("handler");
        using var accepted = await ConnectRegisteredAsync(handler, pullMode: true);

        await accepted.Client.SendAsync("first"u8.ToArray());
        await handler.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(300));
        handler.Send(accepted.Connection, IO.Tcp.ResumeReading.Instance);
        var first = await handler.ExpectMsgAsync<IO.Tcp.Received>(Wait);
        Assert.Equal("first", first.Data.DecodeString());

        await accepted.Client.SendAsync("second"u8.ToArray());
        await handler.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(300));
        handler.Send(accepted.Connection, IO.Tcp.ResumeReading.Instance);
        var second = await handler.ExpectMsgAsync<IO.Tcp.Received>(Wait);
        Assert.Equal("second", second.Data.DecodeString());

        // Two sends, one ResumeReading: exactly one Received (with whatever had arrived), then nothing until the next one.
        await accepted.Client.SendAsync("third"u8.ToArray());
        await accepted.Client.SendAsync("fourth"u8.ToArray());
        handler.Send(accepted.Connection, IO.Tcp.ResumeReading.Instance);
        var third = await handler.ExpectMsgAsync<IO.Tcp.Received>(Wait);
        await handler.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(300));
        var text = third.Data.DecodeString();
        if (text != "thirdfourth")
        {
            Assert.Equal("third", text);
            handler.Send(accepted.Connection, IO.Tcp.ResumeReading.Instance);
            Assert.Equal("fourth", (await handler.ExpectMsgAsync<IO.Tcp.Received>(Wait)).Data.DecodeString());
            await handler.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
        }
    }
}
