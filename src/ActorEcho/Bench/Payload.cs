namespace ActorEcho.Cli.Bench;

/// <summary>
/// One connection's byte stream: a pseudo-random pattern repeating every <see cref="Period"/> bytes, generated once from the seed
/// and the connection's index, so an echo that comes back on the wrong connection, out of order or stale does not match.
/// Any window of up to <c>maxWindow</c> bytes at any stream position is one contiguous slice: sending and checking copy nothing.
/// </summary>
internal sealed class Payload
{
    // Odd and not a power of two, so consecutive windows of power-of-two sizes start at ever different pattern offsets.
    private const int PeriodPadding = 4099;

    private readonly byte[] _bytes;

    /// <summary>Generates connection <paramref name="connection"/>'s pattern for windows of at most <paramref name="maxWindow"/> bytes.</summary>
    public Payload(int seed, int connection, int maxWindow)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxWindow, 1);
        Period = Math.Max(maxWindow, 4096) + PeriodPadding;
        _bytes = new byte[Period + maxWindow];
#pragma warning disable CA5394 // Not security: a reproducible pattern that differs per connection.
        new Random(unchecked((seed * 1_000_003) + connection)).NextBytes(_bytes.AsSpan(0, Period));
#pragma warning restore CA5394
        _bytes.AsSpan(0, maxWindow).CopyTo(_bytes.AsSpan(Period));
    }

    /// <summary>Length of the repeating pattern.</summary>
    public int Period { get; }

    /// <summary>The <paramref name="length"/> bytes at stream position <paramref name="position"/>.</summary>
    public ReadOnlyMemory<byte> Window(long position, int length) => _bytes.AsMemory((int)(position % Period), length);

    /// <summary>Whether <paramref name="received"/> equals the bytes at stream position <paramref name="position"/>.</summary>
    public bool Matches(long position, ReadOnlySpan<byte> received) =>
        received.SequenceEqual(_bytes.AsSpan((int)(position % Period), received.Length));
}
