using System.Diagnostics;
using ActorEcho.IO.Tests.Tcp.Infrastructure;
using Xunit.Abstractions;

namespace ActorEcho.IO.Tests.Tcp;

/// <summary>Volume through an echo handler: a large transfer, and many concurrent connections each getting exactly its own bytes back.</summary>
public sealed class TcpEchoLoadTests(ITestOutputHelper output) : TcpTestKit(null, output)
{
    [Fact]
    public async Task Echo_LargePayloadWhileReading_ClientGetsExactPayloadBack()
    {
        var failures = CreateTestProbe("failures");
        var server = ActorOf(EchoBindHandler.CreateProps(failures.Ref), "echo");
        Manager.Tell(new IO.Tcp.Bind(server, AnyLoopbackPort), TestActor);
        var address = (System.Net.IPEndPoint)(await ExpectMsgAsync<IO.Tcp.Bound>(Wait)).LocalAddress;
        var payload = RandomBytes(4 << 20, seed: 20);
        var timeout = TimeSpan.FromSeconds(10);
        var stopwatch = Stopwatch.StartNew();

        using var client = await LoopbackClient.ConnectAsync(address);
        var sending = client.SendChunkedAsync(payload, 64 << 10, timeout);
        var echoed = await client.ReceiveExactlyAsync(payload.Length, timeout);
        await sending;

        Assert.True(payload.AsSpan().SequenceEqual(echoed), "The echo differs from the payload.");
        client.ShutdownSend();
        var end = await client.ReceiveUntilEofAsync();
        Assert.Equal(ClientEnd.Eof, end.End);
        Assert.Empty(end.Data);
        Assert.True(stopwatch.Elapsed < timeout, $"Took {stopwatch.Elapsed}.");
        await failures.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task Echo_200ConcurrentConnections_EachClientGetsItsOwnBytes()
    {
        const int Clients = 200;
        const int Size = 4096;
        var failures = CreateTestProbe("failures");
        var server = ActorOf(EchoBindHandler.CreateProps(failures.Ref), "echo");
        Manager.Tell(new IO.Tcp.Bind(server, AnyLoopbackPort), TestActor);
        var address = (System.Net.IPEndPoint)(await ExpectMsgAsync<IO.Tcp.Bound>(Wait)).LocalAddress;
        var timeout = TimeSpan.FromSeconds(15);

        async Task<bool> RunClientAsync(int index)
        {
            var payload = RandomBytes(Size, seed: 1000 + index);
            using var client = await LoopbackClient.ConnectAsync(address, timeout);
            var sending = client.SendAsync(payload, timeout);
            var echoed = await client.ReceiveExactlyAsync(Size, timeout);
            await sending;
            client.ShutdownSend();
            var end = await client.ReceiveUntilEofAsync(timeout);
            return payload.AsSpan().SequenceEqual(echoed) && end.End == ClientEnd.Eof && end.Data.Length == 0;
        }

        var results = await Task.WhenAll(Enumerable.Range(0, Clients).Select(i => Task.Run(() => RunClientAsync(i)))).WaitAsync(timeout);

        var wrong = Enumerable.Range(0, Clients).Where(i => !results[i]).ToList();
        Assert.True(wrong.Count == 0, $"{wrong.Count} client(s) did not get exactly their own bytes back then EOF: {string.Join(", ", wrong.Take(10))}");
        await failures.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }
}
