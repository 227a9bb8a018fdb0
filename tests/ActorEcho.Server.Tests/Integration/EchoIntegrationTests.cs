using System.Globalization;
using System.Net.Sockets;
using System.Text;
using Xunit.Abstractions;

namespace ActorEcho.Server.Tests.Integration;

/// <summary>
/// A real echo server on loopback with real socket clients: exact binary echo, random chunking, half-close, a client's reset and the
/// greeting.
/// </summary>
public sealed class EchoIntegrationTests(ITestOutputHelper output) : EchoIntegrationTestKit(output)
{
    [Fact]
    public async Task Echo_PayloadWithAllByteValues_EchoedExactly()
    {
        var address = await StartServerAsync();

        // 0..255 then 255..0: every byte value (NUL, CR, LF, 0x7F, 0x80, 0xFF...) at an even and an odd offset.
        var payload = new byte[512];
        for (var i = 0; i < 256; i++)
        {
            payload[i] = (byte)i;
            payload[511 - i] = (byte)i;
        }

        using var client = await LoopbackClient.ConnectAsync(address);
        var echoed = await client.RoundTripAsync(payload, Wait);

        AssertSameBytes(payload, echoed, "the echo of all 256 byte values");
        await AssertOrderlyEndAfterHalfCloseAsync(client, "the client");
    }

    [Fact]
    public async Task Echo_RandomPayloadInRandomChunks_EchoedByteForByte()
    {
        var seed = Environment.GetEnvironmentVariable("ACTORECHO_TEST_SEED") is { Length: > 0 } text
            ? int.Parse(text, CultureInfo.InvariantCulture)
            : Random.Shared.Next();
        Output.WriteLine($"seed = {seed} (rerun with ACTORECHO_TEST_SEED={seed})");
        var random = new Random(seed);
        var payload = new byte[(1 << 20) + random.Next(0, 8192)];
        random.NextBytes(payload);

        // The write plan (chunk sizes 1 B..8 KiB, and an occasional 1 ms pause that only varies how segments reach the server; nothing
        // waits on it) and the read sizes all come from the seed.
        var chunks = new List<(int Size, bool Pause)>();
        for (var planned = 0; planned < payload.Length;)
        {
            var size = Math.Min(random.Next(1, 8193), payload.Length - planned);
            chunks.Add((size, random.Next(16) == 0));
            planned += size;
        }

        var readRandom = new Random(random.Next());
        using var client = await LoopbackClient.ConnectAsync(await StartServerAsync());
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var sent = 0;
        var received = 0;

        var writer = Task.Run(async () =>
        {
            foreach (var (size, pause) in chunks)
            {
                var chunk = payload.AsMemory(sent, size);
                while (!chunk.IsEmpty)
                {
                    var n = await client.Socket.SendAsync(chunk, SocketFlags.None, cts.Token);
                    chunk = chunk[n..];
                    Volatile.Write(ref sent, sent + n);
                }

                if (pause)
                {
                    await Task.Delay(1, cts.Token);
                }
            }
        });
        var echoed = new byte[payload.Length];
        var reader = Task.Run(async () =>
        {
            while (received < echoed.Length)
            {
                var want = Math.Min(readRandom.Next(1, 16385), echoed.Length - received);
                var n = await client.Socket.ReceiveAsync(echoed.AsMemory(received, want), SocketFlags.None, cts.Token);
                if (n == 0)
                {
                    throw new IOException($"EOF after {received} of {echoed.Length} echoed bytes.");
                }

                Volatile.Write(ref received, received + n);
            }
        });

        try
        {
            await Task.WhenAll(writer, reader);
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
            Assert.Fail($"seed {seed}: not done within 20 s: sent {Volatile.Read(ref sent)} and received {Volatile.Read(ref received)} of {payload.Length} bytes.");
        }

        Output.WriteLine($"{payload.Length} bytes in {chunks.Count} writes, {chunks.Count(c => c.Pause)} pauses");
        AssertSameBytes(payload, echoed, $"seed {seed}: the echo of {payload.Length} bytes sent in {chunks.Count} random chunks");
        await AssertOrderlyEndAfterHalfCloseAsync(client, "the client");
    }

    [Fact]
    public async Task HalfClose_AfterSendingData_ReceivesEverythingThenOrderlyEof()
    {
        var address = await StartServerAsync();
        var payload = RandomBytes(1 << 20, seed: 5); // above the high-water mark: echoes are still outstanding at the FIN
        using var client = await LoopbackClient.ConnectAsync(address);

        var reading = client.ReceiveUntilEofAsync(TimeSpan.FromSeconds(15), maxBytes: 4 << 20);
        await client.SendAsync(payload, Wait);
        client.ShutdownSend();
        var outcome = await reading;

        Assert.True(outcome.End == ClientEnd.Eof, $"Expected an orderly FIN (EOF) after the echo, but the client saw {outcome}.");
        AssertSameBytes(payload, outcome.Data, "what the half-closed client received before EOF");

        // A FIN, not a reset: reading on keeps returning EOF, and the socket stays usable until the client closes it.
        var again = await client.Socket.ReceiveAsync(new byte[16], SocketFlags.None).WaitAsync(Wait);
        Assert.Equal(0, again);
    }

    [Fact]
    public async Task Reset_ClientAbortsWhileServerEchoesLargePayload_ServerKeepsServingOtherClients()
    {
        const int Seed = 61;
        var address = await StartServerAsync();
        using var before = await LoopbackClient.ConnectAsync(address);
        var warmUp = RandomBytes(1024, seed: 60);
        AssertSameBytes(warmUp, await before.RoundTripAsync(warmUp, Wait), "the first client's echo before the reset");

        var aborting = await LoopbackClient.ConnectAsync(address);
        try
        {
            var abortingAddress = aborting.LocalEndPoint;

            // A large payload, written until back-pressure stops the client; it reads the first 256 KiB of the echo on the way, and
            // then nothing: the server is stuck mid-echo, holding echo it cannot send and with reading suspended.
            var writer = BlockingWriter.RunAsync(aborting.Socket, Seed, maxBytes: 64L << 20, TimeSpan.FromSeconds(5), blockedAfter: TimeSpan.FromSeconds(1));
            var firstEcho = await aborting.ReceiveExactlyAsync(256 << 10, Wait);
            Assert.True(new PatternStream(Seed).Verify(firstEcho) < 0, "The start of the aborting client's echo differs from what it sent.");
            var outcome = await writer.WaitAsync(TimeSpan.FromSeconds(5) + Wait);
            Output.WriteLine($"aborting client: {outcome.Sent} bytes sent, blocked: {outcome.Blocked}");
            Assert.True(outcome.Blocked, $"Back-pressure never reached the aborting client ({outcome.Sent} bytes sent).");

            // The RST ends that connection: its handler stops (and logs its end at Debug).
            await EventFilter.Debug(contains: $"Connection {abortingAddress} ended").ExpectOneAsync(aborting.Reset);
        }
        finally
        {
            aborting.Dispose();
        }

        var afterReset = RandomBytes(64 << 10, seed: 62);
        AssertSameBytes(afterReset, await before.RoundTripAsync(afterReset, Wait), "the client opened before the reset, echoing after it");

        using var after = await LoopbackClient.ConnectAsync(address);
        var fresh = RandomBytes(64 << 10, seed: 63);
        AssertSameBytes(fresh, await after.RoundTripAsync(fresh, Wait), "a client opened after the reset");

        await AssertOrderlyEndAfterHalfCloseAsync(before, "the client opened before the reset");
        await AssertOrderlyEndAfterHalfCloseAsync(after, "the client opened after the reset");
    }

    [Fact]
    public async Task Greeting_Configured_FirstLineIsGreetingThenEchoes()
    {
        var address = await StartServerAsync(LoopbackSettings with { Greeting = "Hello World" });
        var greeting = Encoding.UTF8.GetBytes("Hello World\n");

        // A client that waits: the greeting arrives on its own, before the client sent anything.
        using var waiting = await LoopbackClient.ConnectAsync(address);
        AssertSameBytes(greeting, await waiting.ReceiveExactlyAsync(greeting.Length, Wait), "the first bytes a client reads");
        var ping = Encoding.UTF8.GetBytes("ping\n");
        AssertSameBytes(ping, await waiting.RoundTripAsync(ping, Wait), "the echo after the greeting");
        var binary = RandomBytes(100 << 10, seed: 8);
        AssertSameBytes(binary, await waiting.RoundTripAsync(binary, Wait), "a 100 KiB echo after the greeting");
        await AssertOrderlyEndAfterHalfCloseAsync(waiting, "the waiting client");

        // A client that talks at once: the greeting still comes first, then its echo.
        using var eager = await LoopbackClient.ConnectAsync(address);
        var first = Encoding.UTF8.GetBytes("first line\n");
        await eager.SendAsync(first, Wait);
        var read = await eager.ReceiveExactlyAsync(greeting.Length + first.Length, Wait);
        AssertSameBytes(greeting.Concat(first).ToArray(), read, "the greeting then the echo of a line sent right after connecting");
        await AssertOrderlyEndAfterHalfCloseAsync(eager, "the eager client");
    }
}
