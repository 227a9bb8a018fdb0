using System.Buffers;
using System.IO.Pipelines;
using BenchmarkDotNet.Attributes;

namespace ActorEcho.Benchmarks.IO;

/// <summary>
/// What acking after the send costs in the pipe itself: a 64 B write + flush into a pipe whose reader consumes inline, as Kestrel's
/// send loop does with inline scheduling, with Kestrel's output thresholds for <c>MaxWriteBufferSize</c> = 64 KiB (the baseline:
/// a flush completes while the pipe holds less) and = 1 (ours: every flush pauses until the reader consumed everything).
/// </summary>
[MemoryDiagnoser]
public class OutputPipeFlushBenchmark
{
    private readonly byte[] _payload = new byte[64];
    private Pipe _pipe = null!;
    private Task _reader = Task.CompletedTask;

    /// <summary>Kestrel's <c>MaxWriteBufferSize</c>: pause at this, resume at half of it.</summary>
    [Params(65536, 1)]
    public int MaxWriteBufferSize { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _pipe = new Pipe(new PipeOptions(
            pauseWriterThreshold: MaxWriteBufferSize,
            resumeWriterThreshold: MaxWriteBufferSize / 2,
            readerScheduler: PipeScheduler.Inline,
            writerScheduler: PipeScheduler.Inline,
            useSynchronizationContext: false));
        _reader = ConsumeAsync(_pipe.Reader);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _pipe.Writer.Complete();
        _reader.GetAwaiter().GetResult();
    }

    /// <summary>One write and its flush; the reader runs inside the flush.</summary>
    [Benchmark]
    public bool WriteAndFlush()
    {
        ((IBufferWriter<byte>)_pipe.Writer).Write(_payload);
        var flush = _pipe.Writer.FlushAsync();
        return flush.IsCompletedSuccessfully ? flush.Result.IsCompleted : flush.AsTask().GetAwaiter().GetResult().IsCompleted;
    }

    private static async Task ConsumeAsync(PipeReader reader)
    {
        while (true)
        {
            var result = await reader.ReadAsync();
            reader.AdvanceTo(result.Buffer.End);
            if (result.IsCompleted)
            {
                return;
            }
        }
    }
}
