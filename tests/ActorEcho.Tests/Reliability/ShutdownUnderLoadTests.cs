using System.Diagnostics;
using System.Net.Sockets;
using ActorEcho.TestFixtures;
using ActorEcho.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ActorEcho.Tests.Reliability;

/// <summary>
/// SIGTERM while 1,000 clients stream (issue 7, "Shutdown and restart"), against the real <c>actorecho serve</c> process.
/// </summary>
/// <remarks>
/// <para>
/// What "nothing lost" means here. Each client streams its own pattern and reads the echo concurrently. Just before the signal the
/// test notes, per client, <c>sentBeforeSignal</c>: the bytes whose send had completed (they are in the kernel, on their way to the
/// server). After the signal the clients stop sending and read until the server closes. What a client then holds must be a prefix of
/// what it sent (every byte checked in order) that is at least <c>sentBeforeSignal</c> long. Bytes from a send that completed after
/// the signal may or may not be echoed: the server echoes what it reads until it has echoed everything it read and then closes, and
/// bytes that arrive after that close are lost by design.
/// </para>
/// <para>
/// "Accepting stops at once": once the server logs that it stopped accepting, which happens before the drain, a new client is refused
/// (the listening socket is closed) or closed without an echo, while the old ones are still being drained (a client that has not
/// read its echoes yet keeps the drain open until the check is done).
/// </para>
/// </remarks>
[Collection(ShutdownCollection.Name)]
public sealed class ShutdownUnderLoadTests(ITestOutputHelper output)
{
    /// <summary>Streaming clients: the issue asks for 1,000; each keeps at most a 64 KiB window unechoed, so a loaded 2-core machine copes.</summary>
    private const int Clients = 1000;

    /// <summary>Connects in flight at once while the clients are being set up.</summary>
    private const int ConnectConcurrency = 50;

    /// <summary>A send blocked this long means the server stopped reading (backpressure), not that it is slow.</summary>
    private static readonly TimeSpan ServerStoppedReading = TimeSpan.FromSeconds(1.5);

    /// <summary>Bound of the whole run (connect, stream, drain).</summary>
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(120);

    /// <summary>What the process may take beyond its drain timeout to exit (actor system stop, host stop).</summary>
    private static readonly TimeSpan ExitMargin = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Sigterm_WhileManyClientsStream_StopsAcceptingEchoesEverythingSentBeforeItAndExitsZero()
    {
        // Long enough that a loaded machine finishes the drain well before it (a reset connection would lose echoes).
        var drainTimeout = TimeSpan.FromSeconds(30);
        using var config = TempConfig.Create($"actorecho.server.drain-timeout = {drainTimeout.TotalSeconds}s\n");
        await using var app = ActorEchoProcess.Start("serve", "--port", "0", "--config", config.Path);
        var port = await app.WaitForListeningAsync();
        using var run = new CancellationTokenSource(RunTimeout);

        var clients = await ConnectAllAsync(port, run.Token);
        try
        {
            // A client that sends without reading: its echoes back up, so the drain cannot finish before it reads.
            using var holder = await LoopbackClient.ConnectAsync(port);
            var held = holder.FillUntilServerStopsReading(ServerStoppedReading);

            clients.ForEach(c => c.Start(run.Token));
            await WaitUntilAllStreamAsync(clients, run.Token);

            var sentBeforeSignal = clients.Select(c => c.Sent).ToArray();
            var signalled = Stopwatch.StartNew();
            app.Terminate();
            clients.ForEach(c => c.StopSending());

            await app.Stderr.WaitForLineAsync(l => l.Contains("stopped accepting connections", StringComparison.Ordinal), drainTimeout, "'stopped accepting connections'");
            var probe = await ProbeNewConnectionAsync(port);
            var unbound = signalled.Elapsed;

            var heldEcho = await holder.ReceiveToEndAsync(); // releases the drain
            var endings = await Task.WhenAll(clients.Select(c => c.CompletionAsync()));
            var exitCode = await app.WaitForExitAsync(drainTimeout + ExitMargin);
            var exited = signalled.Elapsed;

            var totalBefore = sentBeforeSignal.Sum();
            var totalEchoed = clients.Sum(c => c.Received);
            output.WriteLine(
                $"{Clients} clients; {totalBefore:N0} bytes sent before the signal, {totalEchoed:N0} echoed; holder {held:N0} bytes; stopped accepting after {unbound.TotalMilliseconds:F0} ms; " +
                $"exit {exitCode} after {exited.TotalMilliseconds:F0} ms; endings: {string.Join(", ", endings.GroupBy(e => e).Select(g => $"{g.Key} x{g.Count()}"))}; probe: {probe}");

            Assert.StartsWith("refused", probe, StringComparison.Ordinal);
            Assert.Equal(held, heldEcho.LongLength);
            for (var i = 0; i < clients.Count; i++)
            {
                Assert.False(endings[i].StartsWith("mismatch", StringComparison.Ordinal) || endings[i] == "timed out", $"Client {i}: {endings[i]}");
                Assert.True(
                    clients[i].Received >= sentBeforeSignal[i],
                    $"Client {i} sent {sentBeforeSignal[i]} bytes before the signal but got only {clients[i].Received} back ({endings[i]}).");
                Assert.True(clients[i].Received <= clients[i].Sent, $"Client {i} got {clients[i].Received} bytes back but sent {clients[i].Sent}.");
            }

            Assert.Equal(0, exitCode);
            Assert.True(exited < drainTimeout + ExitMargin, $"Exit took {exited}.");
            Assert.DoesNotContain(app.Stderr.Lines, l => l.Contains("were reset", StringComparison.Ordinal));
        }
        catch
        {
            output.WriteLine("server stderr:\n" + string.Join('\n', app.Stderr.Lines.Where(l => !l.TrimStart().StartsWith("at ", StringComparison.Ordinal)).TakeLast(40)));
            throw;
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
        }
    }

    [Fact]
    public async Task SecondSigterm_DuringLongDrainWithClientsStreaming_ExitsAtOnceWith143()
    {
        var drainTimeout = TimeSpan.FromMinutes(5);
        using var config = TempConfig.Create("actorecho.server.drain-timeout = 5m\n");
        await using var app = ActorEchoProcess.Start("serve", "--port", "0", "--config", config.Path);
        var port = await app.WaitForListeningAsync();
        using var run = new CancellationTokenSource(RunTimeout);

        var clients = await ConnectAllAsync(port, run.Token, count: 50);
        try
        {
            // Never reads: the drain cannot finish before its 5-minute timeout.
            using var holder = await LoopbackClient.ConnectAsync(port);
            holder.FillUntilServerStopsReading(ServerStoppedReading);
            clients.ForEach(c => c.Start(run.Token));
            await WaitUntilAllStreamAsync(clients, run.Token);

            app.Terminate();
            await app.Stderr.WaitForLineAsync(l => l.Contains("stopped accepting connections", StringComparison.Ordinal), ActorEchoProcess.StartTimeout, "'stopped accepting connections'");
            var second = Stopwatch.StartNew();
            app.Terminate();

            Assert.Equal(143, await app.WaitForExitAsync());
            output.WriteLine($"exit 143 {second.ElapsedMilliseconds} ms after the second SIGTERM (drain timeout {drainTimeout})");
            Assert.True(second.Elapsed < ActorEchoProcess.ExitTimeout, $"The second SIGTERM took {second.Elapsed} to end the process.");
            Assert.Contains(app.Stderr.Lines, l => l.StartsWith("actorecho: second SIGTERM", StringComparison.Ordinal));
            Assert.DoesNotContain(app.Stderr.Lines, l => l.Contains("were reset", StringComparison.Ordinal)); // it did not wait for the drain
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
        }
    }

    private static async Task<List<PatternStreamClient>> ConnectAllAsync(int port, CancellationToken cancellationToken, int count = Clients)
    {
        var clients = new PatternStreamClient[count];
        using var slots = new SemaphoreSlim(ConnectConcurrency);
        try
        {
            await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
            {
                await slots.WaitAsync(cancellationToken);
                try
                {
                    clients[i] = await PatternStreamClient.ConnectAsync(port, i, cancellationToken);
                }
                finally
                {
                    slots.Release();
                }
            }));
        }
        catch
        {
            Array.ForEach(clients, c => c?.Dispose());
            throw;
        }

        return [.. clients];
    }

    /// <summary>Waits (bounded) until every client has had a full window echoed: all of them are streaming.</summary>
    private static Task WaitUntilAllStreamAsync(List<PatternStreamClient> clients, CancellationToken cancellationToken) =>
        Task.WhenAll(clients.Select(c => c.Streaming)).WaitAsync(cancellationToken);

    /// <summary>Connects after the server stopped accepting; "refused..." if no echo came back, "ECHOED" if the server served it.</summary>
    private static async Task<string> ProbeNewConnectionAsync(int port)
    {
        LoopbackClient client;
        try
        {
            client = await LoopbackClient.ConnectAsync(port);
        }
        catch (SocketException ex)
        {
            return $"refused at connect ({ex.SocketErrorCode})";
        }

        using (client)
        {
            try
            {
                await client.SendAsync(new byte[] { 1, 2, 3 });
                var echoed = await client.ReceiveToEndAsync();
                return echoed.Length == 0 ? "refused: closed without echo" : $"ECHOED {echoed.Length} bytes";
            }
            catch (SocketException ex)
            {
                return $"refused: reset ({ex.SocketErrorCode})";
            }
        }
    }
}
