using System.Buffers.Binary;
using System.Diagnostics;
using System.Net.Sockets;
using Xunit.Abstractions;

namespace ActorEcho.Server.Tests.Integration;

/// <summary>
/// Volume and flow control through a real echo server: a 64 MiB stream, 500 concurrent connections, and a client that writes but never
/// reads (back-pressure must reach it, while other clients stay prompt and nothing is lost).
/// </summary>
public sealed class EchoLoadIntegrationTests(ITestOutputHelper output) : EchoIntegrationTestKit(output)
{
    private const int MiB = 1 << 20;

    [Fact]
    public async Task Echo_64MiBStreamWrittenWhileReading_EchoEqualsSent()
    {
        const long Total = 64L * MiB;
        const int Seed = 64;
        var limit = TimeSpan.FromSeconds(60);
        var address = await StartServerAsync();
        using var client = await LoopbackClient.ConnectAsync(address);
        using var cts = new CancellationTokenSource(limit);
        long sent = 0;
        long received = 0;
        var stopwatch = Stopwatch.StartNew();

        var writer = Task.Run(async () =>
        {
            var source = new PatternStream(Seed);
            var buffer = new byte[64 << 10];
            while (Volatile.Read(ref sent) < Total)
            {
                var n = (int)Math.Min(buffer.Length, Total - sent);
                source.Fill(buffer.AsSpan(0, n));
                var chunk = buffer.AsMemory(0, n);
                while (!chunk.IsEmpty)
                {
                    var s = await client.Socket.SendAsync(chunk, SocketFlags.None, cts.Token);
                    chunk = chunk[s..];
                    Interlocked.Add(ref sent, s);
                }
            }
        });
        var longestGap = TimeSpan.Zero;
        long gapAt = 0;
        var reader = Task.Run(async () =>
        {
            var verifier = new PatternStream(Seed);
            var buffer = new byte[64 << 10];
            var last = Stopwatch.GetTimestamp();
            while (Volatile.Read(ref received) < Total)
            {
                var n = await client.Socket.ReceiveAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, Total - received)), SocketFlags.None, cts.Token);
                var gap = Stopwatch.GetElapsedTime(last);
                last = Stopwatch.GetTimestamp();
                if (gap > longestGap)
                {
                    longestGap = gap;
                    gapAt = received;
                }

                if (n == 0)
                {
                    throw new IOException($"EOF after {received} of {Total} echoed bytes.");
                }

                var mismatch = verifier.Verify(buffer.AsSpan(0, n));
                Assert.True(mismatch < 0, $"The echo differs from the sent stream at offset {mismatch}.");
                Interlocked.Add(ref received, n);
            }
        });

        try
        {
            await Task.WhenAll(writer, reader);
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
            // Where the stream stopped: the kernel's queues of both sockets tell which side stopped moving bytes.
            var local = client.LocalEndPoint;
            Assert.Fail(
                $"Not done within {limit}: sent {Volatile.Read(ref sent)} and received {Volatile.Read(ref received)} of {Total} bytes; " +
                $"kernel queues: client {KernelTcpQueues.Find(local, address)}, server {KernelTcpQueues.Find(address, local)}.");
        }

        var elapsed = stopwatch.Elapsed;
        Output.WriteLine($"64 MiB echoed in {elapsed.TotalSeconds:F2} s: {Total / (double)MiB / elapsed.TotalSeconds:F1} MiB/s each way; longest wait for echo bytes {longestGap.TotalMilliseconds:F0} ms (at byte {gapAt})");
        Assert.Equal(Total, Volatile.Read(ref received));
        await AssertOrderlyEndAfterHalfCloseAsync(client, "the client");
    }

    [Fact]
    public async Task Echo_500ConcurrentConnectionsWithDistinctPayloads_EachGetsExactlyItsOwnBytes()
    {
        const int Clients = 500;
        const int Batch = 50;
        const int Size = 2048;
        var limit = TimeSpan.FromSeconds(30);
        var address = await StartServerAsync();
        var stopwatch = Stopwatch.StartNew();

        // Each payload is random and starts with its client's index, so a wrong echo tells whose bytes it carries.
        var payloads = new byte[Clients][];
        for (var i = 0; i < Clients; i++)
        {
            payloads[i] = RandomBytes(Size, seed: 10_000 + i);
            BinaryPrimitives.WriteInt32LittleEndian(payloads[i], i);
        }

        var clients = new List<LoopbackClient>(Clients);
        try
        {
            // Open in batches of 50 (the backlog never sees more), keeping every connection open: all 500 are concurrent.
            for (var first = 0; first < Clients; first += Batch)
            {
                var connecting = Enumerable.Range(0, Batch).Select(_ => LoopbackClient.ConnectAsync(address, Wait)).ToArray();
                try
                {
                    await Task.WhenAll(connecting);
                }
                finally
                {
                    clients.AddRange(connecting.Where(t => t.IsCompletedSuccessfully).Select(t => t.Result));
                }
            }

            var connected = stopwatch.Elapsed;

            async Task<string?> ExchangeAsync(int index)
            {
                var client = clients[index];
                var echoed = await client.RoundTripAsync(payloads[index], limit);
                if (!echoed.AsSpan().SequenceEqual(payloads[index]))
                {
                    var owner = BinaryPrimitives.ReadInt32LittleEndian(echoed);
                    return owner != index && owner is >= 0 and < Clients && echoed.AsSpan().SequenceEqual(payloads[owner])
                        ? $"client {index} got the bytes of client {owner}"
                        : $"client {index} got a wrong echo (first difference at offset {echoed.AsSpan().CommonPrefixLength(payloads[index])})";
                }

                client.ShutdownSend();
                var end = await client.ReceiveUntilEofAsync(limit);
                return end.End == ClientEnd.Eof && end.Data.Length == 0 ? null : $"client {index}: after its echo and half-close it saw {end}";
            }

            var results = await Task.WhenAll(Enumerable.Range(0, Clients).Select(ExchangeAsync)).WaitAsync(limit);

            Output.WriteLine($"{Clients} connections open after {connected.TotalMilliseconds:F0} ms; all echoed and closed after {stopwatch.ElapsedMilliseconds} ms");
            var wrong = results.Where(r => r is not null).ToList();
            Assert.True(wrong.Count == 0, $"{wrong.Count} of {Clients} clients did not get exactly their own bytes then EOF: {string.Join("; ", wrong.Take(10))}");
        }
        finally
        {
            foreach (var client in clients)
            {
                client.Dispose();
            }
        }
    }

    [Fact]
    public async Task SlowReader_WritesWithoutReading_BackPressureStopsItOthersStayPromptNothingLost()
    {
        const long MaxBytes = 100L * MiB;
        const long SentBound = MaxBytes / 2; // far below what it tried; kernel socket buffers alone may take tcp_rmem max + 2 x tcp_wmem max
        const long ServerBound = 8L * MiB; // transport input (1 MiB) + write queue (1 MiB) + output (64 KiB) + high-water mark, with room
        const long HeapBound = 16L * MiB;
        const int Seed = 77;
        const int RoundTrips = 20;
        var writeFor = TimeSpan.FromSeconds(5);
        var blockedAfter = TimeSpan.FromSeconds(2);
        var prompt = TimeSpan.FromSeconds(1);
        var address = await StartServerAsync();
        using var other = await LoopbackClient.ConnectAsync(address);
        await other.RoundTripAsync(new byte[] { 1, 2, 3 }, Wait);
        using var slow = await LoopbackClient.ConnectAsync(address);
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);

        var underWay = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var writer = BlockingWriter.RunAsync(slow.Socket, Seed, MaxBytes, writeFor, blockedAfter, underWay);

        // Round trips of another client: half while the slow client floods the server, half once it is stalled by back-pressure.
        var latencies = new List<TimeSpan>();
        async Task RoundTripAsync(int index)
        {
            var message = RandomBytes(64, seed: 7_000 + index);
            var stopwatch = Stopwatch.StartNew();
            var echoed = await other.RoundTripAsync(message, Wait);
            latencies.Add(stopwatch.Elapsed);
            AssertSameBytes(message, echoed, $"round trip {index} of the other client");
        }

        await underWay.Task.WaitAsync(Wait);
        for (var i = 0; i < RoundTrips / 2; i++)
        {
            await RoundTripAsync(i);
        }

        var (sent, blocked, writeTime) = await writer.WaitAsync(writeFor + blockedAfter + Wait);

        // Where the bytes are: the kernel's queues on both sides of the connection (Linux), the rest is held by the server process.
        var clientQueues = KernelTcpQueues.Find(slow.LocalEndPoint, address);
        var serverQueues = KernelTcpQueues.Find(address, slow.LocalEndPoint);
        for (var i = RoundTrips / 2; i < RoundTrips; i++)
        {
            await RoundTripAsync(i);
        }

        var heapStalled = GC.GetTotalMemory(forceFullCollection: true);
        Output.WriteLine($"slow client: {sent} bytes ({sent / (double)MiB:F2} MiB) sent in {writeTime.TotalMilliseconds:F0} ms, then {(blocked ? $"blocked for {blockedAfter.TotalSeconds} s" : "not blocked")}");
        long? serverHeld = null;
        if (clientQueues is { } c && serverQueues is { } sq)
        {
            serverHeld = sent - c.Send - sq.Receive - sq.Send - c.Receive;
            Output.WriteLine(
                $"kernel queues: client send {c.Send}, server receive {sq.Receive}, server send {sq.Send}, client receive {c.Receive}; " +
                $"held by the server process: {serverHeld} bytes ({serverHeld / (double)MiB:F2} MiB)");
        }
        else
        {
            Output.WriteLine("kernel queues: not available (not Linux); the server's share is not measured");
        }

        Output.WriteLine($"managed heap after a full GC: {heapBefore / (double)MiB:F1} MiB before, {heapStalled / (double)MiB:F1} MiB while stalled");
        Output.WriteLine($"other client's round trips (ms): {string.Join(", ", latencies.Select(l => l.TotalMilliseconds.ToString("F1", System.Globalization.CultureInfo.InvariantCulture)))}");

        Assert.True(blocked, $"Back-pressure never reached the slow client: it sent {sent} bytes in {writeTime} without a send blocking for {blockedAfter}.");
        Assert.True(sent < SentBound, $"The slow client got {sent} bytes in before blocking, more than {SentBound}: the server kept reading.");
        Assert.True(serverHeld is null || serverHeld < ServerBound, $"The server process holds {serverHeld} of the slow client's bytes (bound {ServerBound}): it read far past its high-water mark.");
        Assert.True(heapStalled - heapBefore < HeapBound, $"The managed heap grew by {heapStalled - heapBefore} bytes while the slow client was stalled (bound {HeapBound}): the server holds what it read.");
        var slowest = latencies.Max();
        Assert.True(slowest < prompt, $"A round trip of the other client took {slowest} (limit {prompt}) while the slow client was stalled.");

        // Now the slow client reads: every byte it sent comes back, in order, and then nothing more.
        var verifier = new PatternStream(Seed);
        var buffer = new byte[64 << 10];
        using (var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20)))
        {
            try
            {
                while (verifier.Position < sent)
                {
                    var n = await slow.Socket.ReceiveAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, sent - verifier.Position)), SocketFlags.None, cts.Token);
                    Assert.True(n > 0, $"EOF after {verifier.Position} of the {sent} bytes the slow client sent.");
                    var mismatch = verifier.Verify(buffer.AsSpan(0, n));
                    Assert.True(mismatch < 0, $"The slow client's echo differs from what it sent at offset {mismatch}.");
                }
            }
            catch (OperationCanceledException) when (cts.IsCancellationRequested)
            {
                Assert.Fail($"The slow client read only {verifier.Position} of its {sent} bytes back within 20 s.");
            }
        }

        await AssertOrderlyEndAfterHalfCloseAsync(slow, "the slow client");
        await AssertOrderlyEndAfterHalfCloseAsync(other, "the other client");
    }
}
