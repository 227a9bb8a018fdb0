using ActorEcho.IO.Buffers;
using BenchmarkDotNet.Attributes;

namespace ActorEcho.Benchmarks.IO;

/// <summary>
/// The payload type's basic operations against a plain <c>byte[]</c> copy (the baseline): copying in must cost about
/// the same as the array copy, while slicing and concatenating must not copy at all (a small, size-independent allocation).
/// </summary>
[MemoryDiagnoser]
public class ByteStringBenchmark
{
    private byte[] _source = [];
    private ByteString _single = ByteString.Empty;
    private ByteString _rope = ByteString.Empty;
    private ByteString _left = ByteString.Empty;
    private ByteString _right = ByteString.Empty;

    /// <summary>Payload size: a small message and a typical socket read.</summary>
    [Params(64, 4096)]
    public int Size { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _source = new byte[Size];
        Random.Shared.NextBytes(_source);
        _single = ByteString.CopyFrom(_source);
        _left = ByteString.CopyFrom(_source.AsSpan(0, Size / 2));
        _right = ByteString.CopyFrom(_source.AsSpan(Size / 2));
        _rope = _left.Concat(_right);
    }

    /// <summary>What a copy of the payload into a fresh array costs.</summary>
    [Benchmark(Baseline = true)]
    public byte[] ArrayCopy() => _source.AsSpan().ToArray();

    /// <summary>Copying a reusable read buffer into an owned ByteString.</summary>
    [Benchmark]
    public ByteString CopyFrom() => ByteString.CopyFrom(_source);

    /// <summary>A middle half of a contiguous payload, without copying.</summary>
    [Benchmark]
    public ByteString Slice() => _single.Slice(Size / 4, Size / 2);

    /// <summary>A middle half of a two-segment rope, crossing the segment boundary.</summary>
    [Benchmark]
    public ByteString SliceRope() => _rope.Slice(Size / 4, Size / 2);

    /// <summary>Concatenating two halves held in separate arrays (a two-segment rope).</summary>
    [Benchmark]
    public ByteString ConcatTwo() => _left.Concat(_right);
}
