using System.Diagnostics;
using System.Net.Sockets;
using ActorEcho.Server.Tests.Integration;
using Xunit.Abstractions;

namespace ActorEcho.Server.Tests.Reliability;

/// <summary>
/// Bounded versions (seconds, hundreds or thousands of connections) of the hostile clients of issue 7: slowloris, a connection flood,
/// a half-open client reclaimed by the idle timeout, a reset in the middle of a large echo, and zero-length sends. Each checks that a
/// well-behaved client keeps being served and that nothing leaks (the TCP layer's active-connection gauge returns to its start).
/// </summary>
public sealed class HostileClientTests(ITestOutputHelper output) : EchoIntegrationTestKit(output, systemName: SystemName)
{
    private const string SystemName = "hostile-clients";
    private const string Active = "actorecho.tcp.connections_active";

    /// <summary>A round trip of the well-behaved client must stay under this while the others misbehave (generous: a loaded 2-core machine).</summary>
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task Slowloris_200ConnectionsSendingOneByteEvery200ms_OtherClientStaysPromptAndThreadsStayBounded()
    {
        const int Connections = 200;
        const int BytesEach = 15; // 3 s at one byte per 200 ms
        const int ThreadBound = 40; // far below one thread per connection
        using var meters = new MetricsRecorder(SystemName);
        var address = await StartServerAsync();
        using var other = await LoopbackClient.ConnectAsync(address);
        var slow = new List<LoopbackClient>();
        try
        {
            for (var i = 0; i < Connections; i++)
            {
                slow.Add(await LoopbackClient.ConnectAsync(address));
            }

            var maxThreads = ThreadPool.ThreadCount;
            var dripping = Task.WhenAll(slow.Select((client, index) => DripAsync(client, index, BytesEach)));
            var roundTrips = 0;
            var slowest = TimeSpan.Zero;
            while (!dripping.IsCompleted && roundTrips < 200)
            {
                var message = RandomBytes(32, seed: roundTrips);
                var stopwatch = Stopwatch.StartNew();
                AssertSameBytes(message, await other.RoundTripAsync(message, Wait), $"round trip {roundTrips} during the slowloris");
                slowest = stopwatch.Elapsed > slowest ? stopwatch.Elapsed : slowest;
                maxThreads = Math.Max(maxThreads, ThreadPool.ThreadCount);
                roundTrips++;
                await Task.WhenAny(dripping, Task.Delay(50)); // pacing the prober, not synchronising
            }

            await dripping.WaitAsync(TimeSpan.FromSeconds(30));
            Output.WriteLine($"{roundTrips} round trips, slowest {slowest.TotalMilliseconds:F0} ms; thread pool peaked at {maxThreads} threads");
            Assert.True(roundTrips >= 5, $"Only {roundTrips} round trips ran during the slowloris.");
            Assert.True(slowest < Prompt, $"A round trip took {slowest} during the slowloris (limit {Prompt}).");
            Assert.True(maxThreads <= ThreadBound, $"The thread pool grew to {maxThreads} threads for {Connections} slow connections (bound {ThreadBound}).");
        }
        finally
        {
            slow.ForEach(c => c.Dispose());
        }

        await AwaitConditionAsync(() => meters.Observe(Active) == 1, Wait, message: "the slow connections to be released");
    }

    [Fact]
    public async Task ConnectionFlood_2000ConnectsAsFastAsPossible_OpenClientServedThroughoutAndEveryAcceptedFloodClientEchoes()
    {
        const int Flood = 2000;
        const int Parallel = 64;
        using var meters = new MetricsRecorder(SystemName);
        var address = await StartServerAsync();
        using var steady = await LoopbackClient.ConnectAsync(address);
        var flood = new LoopbackClient?[Flood];
        var next = -1;
        var refused = 0;
        try
        {
            async Task ConnectManyAsync()
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < Flood)
                {
                    try
                    {
                        flood[i] = await LoopbackClient.ConnectAsync(address, TimeSpan.FromSeconds(20));
                    }
                    catch (SocketException)
                    {
                        Interlocked.Increment(ref refused); // a full backlog may refuse; the property is about the accepted ones
                    }
                }
            }

            var connecting = Task.WhenAll(Enumerable.Range(0, Parallel).Select(_ => Task.Run(ConnectManyAsync)));
            var steadyTrips = 0;
            while (!connecting.IsCompleted)
            {
                var message = RandomBytes(16, seed: steadyTrips);
                AssertSameBytes(message, await steady.RoundTripAsync(message, Wait), $"the steady client's round trip {steadyTrips} during the flood");
                steadyTrips++;
            }

            await connecting.WaitAsync(TimeSpan.FromSeconds(60));
            var connected = flood.Where(c => c is not null).Select(c => c!).ToList();
            Output.WriteLine($"{connected.Count} of {Flood} connects succeeded ({refused} refused); the steady client made {steadyTrips} round trips meanwhile");
            Assert.True(connected.Count >= Flood / 2, $"Only {connected.Count} of {Flood} flood connections were established.");

            // Every established flood client is served: its own 4 bytes come back.
            var index = -1;
            await Task.WhenAll(Enumerable.Range(0, Parallel).Select(_ => Task.Run(async () =>
            {
                int i;
                while ((i = Interlocked.Increment(ref index)) < connected.Count)
                {
                    var id = BitConverter.GetBytes(i);
                    AssertSameBytes(id, await connected[i].RoundTripAsync(id, Wait), $"flood client {i}");
                }
            }))).WaitAsync(TimeSpan.FromSeconds(60));
            AssertSameBytes(new byte[] { 7 }, await steady.RoundTripAsync(new byte[] { 7 }, Wait), "the steady client after the flood");
        }
        finally
        {
            foreach (var client in flood)
            {
                client?.Dispose();
            }
        }

        await AwaitConditionAsync(() => meters.Observe(Active) == 1, TimeSpan.FromSeconds(30), message: "the flood connections to be released");
    }

    [Fact]
    public async Task HalfOpen_SilentClient_ReclaimedByIdleTimeoutWhileActiveClientStays()
    {
        using var meters = new MetricsRecorder(SystemName);
        var address = await StartServerAsync(LoopbackSettings with { IdleTimeout = TimeSpan.FromMilliseconds(500) });

        // On loopback a vanished peer cannot be faked (the kernel answers for it); a client that goes silent is what the server sees.
        using var silent = await LoopbackClient.ConnectAsync(address);
        AssertSameBytes(new byte[] { 1 }, await silent.RoundTripAsync(new byte[] { 1 }, Wait), "the silent client's only round trip");
        using var active = await LoopbackClient.ConnectAsync(address);

        var silentEnd = silent.ReceiveUntilEofAsync(TimeSpan.FromSeconds(15));
        while (!silentEnd.IsCompleted)
        {
            AssertSameBytes(new byte[] { 2 }, await active.RoundTripAsync(new byte[] { 2 }, Wait), "the active client while the other idles");
            await Task.WhenAny(silentEnd, Task.Delay(100)); // traffic well inside the idle timeout
        }

        var outcome = await silentEnd;
        Assert.True(outcome.End == ClientEnd.Eof && outcome.Data.Length == 0, $"The idle client should get an orderly close, but saw {outcome}.");
        await AwaitConditionAsync(() => meters.Observe(Active) == 1, Wait, message: "the idle connection to be released");
        AssertSameBytes(new byte[] { 3 }, await active.RoundTripAsync(new byte[] { 3 }, Wait), "the active client after the other was reclaimed");
    }

    [Fact]
    public async Task Reset_InTheMiddleOfALargeEcho_ConnectionReleasedAndOthersServed()
    {
        using var meters = new MetricsRecorder(SystemName);
        var address = await StartServerAsync();
        using var other = await LoopbackClient.ConnectAsync(address);
        for (var round = 0; round < 5; round++)
        {
            using var resetting = await LoopbackClient.ConnectAsync(address);
            var payload = RandomBytes(4 << 20, seed: round);
            var sending = resetting.SendAsync(payload, TimeSpan.FromSeconds(15));
            await resetting.ReceiveExactlyAsync(64 << 10, Wait); // the echo is under way in both directions
            resetting.Reset();
            await Task.WhenAny(sending, Task.Delay(Wait)); // the send fails or had already finished; either way it is over
            AssertSameBytes(new byte[] { 9 }, await other.RoundTripAsync(new byte[] { 9 }, Wait), $"the other client after reset {round}");
        }

        await AwaitConditionAsync(() => meters.Observe(Active) == 1, Wait, message: "the reset connections to be released");
    }

    [Fact]
    public async Task ZeroLengthSends_InterleavedWithData_EchoIsExactlyTheData()
    {
        var address = await StartServerAsync();
        using var client = await LoopbackClient.ConnectAsync(address);
        var payload = RandomBytes(10_000, seed: 3);
        var reading = client.ReceiveExactlyAsync(payload.Length, Wait);
        for (var offset = 0; offset < payload.Length; offset += 1000)
        {
            Assert.Equal(0, await client.Socket.SendAsync(ReadOnlyMemory<byte>.Empty, SocketFlags.None));
            await client.SendAsync(payload.AsMemory(offset, 1000));
        }

        AssertSameBytes(payload, await reading, "the echo of data sent between zero-length sends");
        await AssertOrderlyEndAfterHalfCloseAsync(client, "the client");
    }

    private static async Task DripAsync(LoopbackClient client, int index, int bytes)
    {
        for (var i = 0; i < bytes; i++)
        {
            await client.SendAsync(new[] { (byte)(index + i) });
            await Task.Delay(200); // the attack's pace
        }

        var echoed = await client.ReceiveExactlyAsync(bytes, TimeSpan.FromSeconds(15));
        for (var i = 0; i < bytes; i++)
        {
            Assert.Equal((byte)(index + i), echoed[i]);
        }
    }
}
