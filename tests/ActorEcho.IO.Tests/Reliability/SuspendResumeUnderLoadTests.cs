using ActorEcho.IO.Tests.Tcp.Infrastructure;
using Xunit.Abstractions;

namespace ActorEcho.IO.Tests.Reliability;

/// <summary>
/// Reads suspended and resumed hundreds of times while the client streams (Akka.NET's SuspendReading could stall a connection and
/// lose data): the handler's stream is exactly what the client sent, nothing lost, duplicated or reordered. Small Received chunks
/// (4 KiB) make many toggles per test.
/// </summary>
public sealed class SuspendResumeUnderLoadTests(ITestOutputHelper output) : TcpTestKit("actorecho.io.tcp.max-received-chunk = 4KiB", output)
{
    private const int PayloadBytes = 3 << 20;
    private const int Window = 48 << 10;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task SuspendAndResume_RandomPatternWhileClientStreams_HandlerGetsExactlyTheSentBytes(int seed)
    {
        var bindHandler = CreateTestProbe("bind-handler");
        var reports = CreateTestProbe("reports");
        var (_, address) = await BindAsync(bindHandler);
        using var accepted = await AcceptAsync(bindHandler, address);
        var progress = new ProgressGate();
        var reader = Sys.ActorOf(ToggleReader.CreateProps(accepted.Connection, reports.Ref, seed, progress), "reader");
        accepted.Connection.Tell(new IO.Tcp.Register(reader), reader);
        var payload = RandomBytes(PayloadBytes, seed);
        var chunks = new Random(seed + 1000);

        // Random send sizes (1 byte to 16 KiB), so reads end at varying offsets; at most Window bytes are ahead of the reader, so
        // the reader's suspends and resumes take effect while data is in flight instead of behind a backlog in its mailbox.
        var offset = 0;
        while (offset < payload.Length)
        {
            var size = Math.Min(payload.Length - offset, chunks.Next(4) == 0 ? chunks.Next(1, 16) : chunks.Next(1, 16 << 10));
            await progress.WaitForAsync(offset + size - Window, Wait);
            await accepted.Client.SendAsync(payload.AsMemory(offset, size));
            offset += size;
        }

        accepted.Client.ShutdownSend();

        var report = await reports.ExpectMsgAsync<ToggleReport>(TimeSpan.FromSeconds(30), "the reader's report at the client's FIN");
        Output.WriteLine($"seed {seed}: {report.Suspends} suspends, {report.Resumes} resumes, {report.ReceivedWhileSuspended} chunks arrived while suspended");
        Assert.Equal(payload.Length, report.Data.Length);
        var common = payload.AsSpan().CommonPrefixLength(report.Data);
        Assert.True(common == payload.Length, $"The handler's stream differs from the client's at offset {common}.");
        Assert.True(report.Suspends >= 20, $"Only {report.Suspends} suspends: the test did not exercise suspend/resume.");
    }

    private ITestOutputHelper Output { get; } = output;
}
