namespace ActorEcho.Server.Tests.Integration;

/// <summary>
/// An endless, deterministic pseudo-random byte stream: the byte at each position depends only on the seed and the position, so a
/// writer and a verifier built with the same seed agree however either of them slices the stream. Lets a test check megabytes of
/// echo incrementally without keeping what it sent.
/// </summary>
public sealed class PatternStream(int seed)
{
    private const int BlockSize = 64 << 10;

    private readonly byte[] _block = new byte[BlockSize];
    private long _blockIndex = -1;

    /// <summary>Bytes produced (or verified) so far.</summary>
    public long Position { get; private set; }

    /// <summary>Fills <paramref name="destination"/> with the next bytes of the stream.</summary>
    public void Fill(Span<byte> destination)
    {
        while (!destination.IsEmpty)
        {
            var block = Current(out var offset);
            var n = Math.Min(destination.Length, BlockSize - offset);
            block.Slice(offset, n).CopyTo(destination);
            destination = destination[n..];
            Position += n;
        }
    }

    /// <summary>
    /// Compares <paramref name="actual"/> with the next bytes of the stream and advances past them; returns the stream position of the
    /// first byte that differs, or -1 when all are equal.
    /// </summary>
    public long Verify(ReadOnlySpan<byte> actual)
    {
        while (!actual.IsEmpty)
        {
            var block = Current(out var offset);
            var n = Math.Min(actual.Length, BlockSize - offset);
            var expected = block.Slice(offset, n);
            var common = expected.CommonPrefixLength(actual[..n]);
            if (common < n)
            {
                var mismatch = Position + common;
                Position += n;
                return mismatch;
            }

            actual = actual[n..];
            Position += n;
        }

        return -1;
    }

    private ReadOnlySpan<byte> Current(out int offset)
    {
        var index = Position / BlockSize;
        offset = (int)(Position % BlockSize);
        if (index != _blockIndex)
        {
            new Random(unchecked((seed * 1_000_003) + (int)index)).NextBytes(_block);
            _blockIndex = index;
        }

        return _block;
    }
}
