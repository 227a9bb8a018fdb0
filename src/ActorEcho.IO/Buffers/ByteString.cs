using System.Buffers;
using System.Collections;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace ActorEcho.IO.Buffers;

/// <summary>
/// An immutable sequence of bytes: the payload of TCP reads and writes. It is either one contiguous segment or a rope of
/// segments, so <see cref="Concat"/> and <see cref="Slice(int, int)"/> never copy payload bytes.
/// </summary>
/// <remarks>
/// <para>
/// Ownership: a <see cref="ByteString"/> never copies implicitly after construction, so whoever provides its memory decides
/// how long that memory must stay valid. The rule the IO layer keeps is: <b>no byte is exposed after its buffer is returned
/// to a pool</b>.
/// </para>
/// <list type="bullet">
/// <item><description>
/// <see cref="CopyFrom(ReadOnlySpan{byte})"/> and its overloads, <see cref="FromBytes"/>, <see cref="FromString"/> and
/// <see cref="Compact"/> copy into a fresh array that the result owns; the source buffer may be reused or returned to a pool
/// immediately. This is what the TCP reader does with socket pipe buffers before a <c>Received</c> leaves the connection.
/// </description></item>
/// <item><description>
/// <see cref="UnsafeWrap"/> does not copy: the caller promises that the memory never changes and is not returned to a pool
/// while the result, or any slice or concatenation built from it, is reachable. Use it only for memory the caller owns for good
/// (for example a constant or a freshly allocated array handed over).
/// </description></item>
/// <item><description>
/// Slices and concatenations share the memory of their sources and so inherit their ownership; use <see cref="Compact"/>
/// to detach a small slice from a large buffer or from wrapped memory.
/// </description></item>
/// </list>
/// <para>Instances are immutable and safe to share between actors and threads.</para>
/// </remarks>
public sealed partial class ByteString : IEquatable<ByteString>, IReadOnlyList<byte>
{
    /// <summary>Concatenations shorter than this are copied into one segment instead of building a rope of tiny pieces.</summary>
    internal const int SmallConcatThreshold = 64;

    private const int PreviewBytes = 16;

    // Invariants: _segments is null for the single-segment (and empty) case, which lives in _single;
    // otherwise _segments holds at least two segments, none of them empty, and _single is default.
    private readonly ReadOnlyMemory<byte> _single;
    private readonly ReadOnlyMemory<byte>[]? _segments;
    private readonly int _length;

    private ByteString(ReadOnlyMemory<byte> single)
    {
        _single = single;
        _length = single.Length;
    }

    private ByteString(ReadOnlyMemory<byte>[] segments, int length)
    {
        _segments = segments;
        _length = length;
    }

    /// <summary>The empty byte string; every empty result is this instance.</summary>
    public static ByteString Empty { get; } = new(ReadOnlyMemory<byte>.Empty);

    /// <summary>Number of bytes.</summary>
    public int Length => _length;

    /// <summary>Number of bytes (the <see cref="IReadOnlyCollection{T}"/> name for <see cref="Length"/>).</summary>
    public int Count => _length;

    /// <summary>True when the byte string holds no bytes.</summary>
    public bool IsEmpty => _length == 0;

    /// <summary>Number of segments: 0 when empty, 1 when contiguous, more for a rope.</summary>
    internal int SegmentCount => _segments?.Length ?? (_length == 0 ? 0 : 1);

    /// <summary>Returns the byte at <paramref name="index"/>; on a rope this walks the segments (O(number of segments)).</summary>
    /// <param name="index">Zero-based position, less than <see cref="Length"/>.</param>
    public byte this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, _length);
            var segments = _segments;
            if (segments is null)
            {
                return _single.Span[index];
            }

            var i = 0;
            while (index >= segments[i].Length)
            {
                index -= segments[i].Length;
                i++;
            }

            return segments[i].Span[index];
        }
    }

    /// <summary>Copies <paramref name="bytes"/> into a new byte string that owns its memory, so the source can be reused.</summary>
    /// <param name="bytes">The bytes to copy.</param>
    public static ByteString CopyFrom(ReadOnlySpan<byte> bytes) => bytes.IsEmpty ? Empty : new ByteString(bytes.ToArray());

    /// <summary>Copies <paramref name="count"/> bytes of <paramref name="array"/> starting at <paramref name="offset"/>.</summary>
    /// <param name="array">Source array; it may be reused after the call.</param>
    /// <param name="offset">First byte to copy.</param>
    /// <param name="count">Number of bytes to copy.</param>
    public static ByteString CopyFrom(byte[] array, int offset, int count)
    {
        ArgumentNullException.ThrowIfNull(array);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(offset, array.Length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, array.Length - offset);
        return CopyFrom(array.AsSpan(offset, count));
    }

    /// <summary>Copies a (possibly multi-segment) sequence, e.g. a pipe read, into one owned segment; the pipe buffer may then be released.</summary>
    /// <param name="sequence">The bytes to copy; at most <see cref="int.MaxValue"/> of them.</param>
    public static ByteString CopyFrom(in ReadOnlySequence<byte> sequence)
    {
        if (sequence.IsSingleSegment)
        {
            return CopyFrom(sequence.FirstSpan);
        }

        ArgumentOutOfRangeException.ThrowIfGreaterThan(sequence.Length, Array.MaxLength, nameof(sequence));
        var array = GC.AllocateUninitializedArray<byte>((int)sequence.Length);
        sequence.CopyTo(array);
        return new ByteString(array);
    }

    /// <summary>Copies a whole array into a new byte string that owns its memory.</summary>
    /// <param name="bytes">Source array; it may be modified after the call without affecting the result.</param>
    public static ByteString FromBytes(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        return CopyFrom(bytes.AsSpan());
    }

    /// <summary>Encodes <paramref name="text"/> (UTF-8 unless told otherwise, no byte-order mark) into a new byte string.</summary>
    /// <param name="text">The text to encode.</param>
    /// <param name="encoding">The encoding; <see langword="null"/> means UTF-8.</param>
    public static ByteString FromString(string text, Encoding? encoding = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length == 0 ? Empty : new ByteString((encoding ?? Encoding.UTF8).GetBytes(text));
    }

    /// <summary>
    /// Wraps <paramref name="memory"/> without copying. The caller promises the memory never changes and is not returned
    /// to a pool while the result, or any slice or concatenation of it, is alive; otherwise the payload silently changes.
    /// </summary>
    /// <param name="memory">Memory whose ownership, for the purpose of reading, passes to the result.</param>
    public static ByteString UnsafeWrap(ReadOnlyMemory<byte> memory) => memory.IsEmpty ? Empty : new ByteString(memory);

    /// <summary>Concatenates two byte strings (<see cref="Concat"/>).</summary>
    /// <param name="left">Bytes that come first.</param>
    /// <param name="right">Bytes that follow.</param>
    public static ByteString operator +(ByteString left, ByteString right)
    {
        ArgumentNullException.ThrowIfNull(left);
        return left.Concat(right);
    }

    /// <summary>Content equality, as <see cref="Equals(ByteString)"/>; two <see langword="null"/> references are equal.</summary>
    /// <param name="left">First operand.</param>
    /// <param name="right">Second operand.</param>
    public static bool operator ==(ByteString? left, ByteString? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Content inequality, the negation of <see cref="op_Equality"/>.</summary>
    /// <param name="left">First operand.</param>
    /// <param name="right">Second operand.</param>
    public static bool operator !=(ByteString? left, ByteString? right) => !(left == right);

    /// <summary>Returns the bytes from <paramref name="start"/> to the end without copying.</summary>
    /// <param name="start">First byte of the slice, at most <see cref="Length"/>.</param>
    public ByteString Slice(int start)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start, _length);
        return Slice(start, _length - start);
    }

    /// <summary>Returns <paramref name="length"/> bytes from <paramref name="start"/> without copying; a rope slice keeps only the segments it covers.</summary>
    /// <param name="start">First byte of the slice.</param>
    /// <param name="length">Number of bytes in the slice.</param>
    public ByteString Slice(int start, int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start, _length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, _length - start);
        if (length == _length)
        {
            return this;
        }

        if (length == 0)
        {
            return Empty;
        }

        var segments = _segments;
        if (segments is null)
        {
            return new ByteString(_single.Slice(start, length));
        }

        var first = 0;
        while (start >= segments[first].Length)
        {
            start -= segments[first].Length;
            first++;
        }

        var firstAvailable = segments[first].Length - start;
        if (length <= firstAvailable)
        {
            return new ByteString(segments[first].Slice(start, length));
        }

        var last = first + 1;
        var remaining = length - firstAvailable;
        while (remaining > segments[last].Length)
        {
            remaining -= segments[last].Length;
            last++;
        }

        var result = new ReadOnlyMemory<byte>[last - first + 1];
        result[0] = segments[first][start..];
        Array.Copy(segments, first + 1, result, 1, last - first - 1);
        result[^1] = segments[last][..remaining];
        return new ByteString(result, length);
    }

    /// <summary>
    /// Returns this followed by <paramref name="other"/> without copying payload bytes (a rope). An empty operand returns
    /// the other one; results shorter than 64 bytes are copied into one segment, and adjacent slices of one array are re-joined.
    /// </summary>
    /// <param name="other">Bytes to append.</param>
    public ByteString Concat(ByteString other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other._length == 0)
        {
            return this;
        }

        if (_length == 0)
        {
            return other;
        }

        var total = (long)_length + other._length;
        ArgumentOutOfRangeException.ThrowIfGreaterThan(total, Array.MaxLength, nameof(other));
        if (total < SmallConcatThreshold)
        {
            var array = new byte[(int)total];
            CopyTo(array);
            other.CopyTo(array.AsSpan(_length));
            return new ByteString(array);
        }

        var leftCount = SegmentCount;
        var rightCount = other.SegmentCount;
        var merge = TryJoinAdjacent(GetSegment(leftCount - 1), other.GetSegment(0), out var joined);
        var count = leftCount + rightCount - (merge ? 1 : 0);
        if (count == 1)
        {
            return new ByteString(joined);
        }

        var segments = new ReadOnlyMemory<byte>[count];
        var at = 0;
        var leftTake = merge ? leftCount - 1 : leftCount;
        for (var i = 0; i < leftTake; i++)
        {
            segments[at++] = GetSegment(i);
        }

        if (merge)
        {
            segments[at++] = joined;
        }

        for (var i = merge ? 1 : 0; i < rightCount; i++)
        {
            segments[at++] = other.GetSegment(i);
        }

        return new ByteString(segments, (int)total);
    }

    /// <summary>Copies the bytes into a new array the caller owns.</summary>
    public byte[] ToArray()
    {
        if (_length == 0)
        {
            return [];
        }

        if (_segments is null)
        {
            return _single.ToArray();
        }

        var array = GC.AllocateUninitializedArray<byte>(_length);
        CopyTo(array);
        return array;
    }

    /// <summary>Copies all bytes to the start of <paramref name="destination"/>, which must hold at least <see cref="Length"/> bytes.</summary>
    /// <param name="destination">Where the bytes go.</param>
    public void CopyTo(Span<byte> destination)
    {
        if (destination.Length < _length)
        {
            throw new ArgumentException("Destination is shorter than the byte string.", nameof(destination));
        }

        var segments = _segments;
        if (segments is null)
        {
            _single.Span.CopyTo(destination);
            return;
        }

        foreach (var segment in segments)
        {
            segment.Span.CopyTo(destination);
            destination = destination[segment.Length..];
        }
    }

    /// <summary>Views the bytes as a <see cref="ReadOnlySequence{T}"/> without copying; a rope allocates one linked node per segment.</summary>
    public ReadOnlySequence<byte> ToReadOnlySequence()
    {
        var segments = _segments;
        if (segments is null)
        {
            return new ReadOnlySequence<byte>(_single);
        }

        var first = new SequenceNode(segments[0], 0);
        var last = first;
        for (var i = 1; i < segments.Length; i++)
        {
            last = last.Append(segments[i]);
        }

        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    /// <summary>Returns the bytes as one memory without allocating when they are contiguous (empty counts as contiguous); false for a rope.</summary>
    /// <param name="memory">The contiguous bytes, or default for a rope.</param>
    public bool TryGetSingleSegment(out ReadOnlyMemory<byte> memory)
    {
        if (_segments is null)
        {
            memory = _single;
            return true;
        }

        memory = default;
        return false;
    }

    /// <summary>Enumerates the non-empty segments in order without allocating (zero for empty, one when contiguous).</summary>
    public SegmentCollection GetSegments() => new(this);

    /// <summary>Copies the bytes into one exactly sized array owned by the result, detaching it from shared, pooled or wrapped memory.</summary>
    public ByteString Compact() => _length == 0 ? Empty : new ByteString(ToArray());

    /// <summary>Decodes the bytes as text (UTF-8 unless told otherwise); characters split across rope segments decode correctly.</summary>
    /// <param name="encoding">The encoding; <see langword="null"/> means UTF-8.</param>
    public string DecodeString(Encoding? encoding = null)
    {
        encoding ??= Encoding.UTF8;
        if (_segments is null)
        {
            return encoding.GetString(_single.Span);
        }

        return encoding.GetString(ToReadOnlySequence());
    }

    /// <summary>True when the bytes begin with <paramref name="prefix"/>.</summary>
    /// <param name="prefix">The expected leading bytes.</param>
    public bool StartsWith(ReadOnlySpan<byte> prefix)
    {
        if (prefix.Length > _length)
        {
            return false;
        }

        var segments = _segments;
        if (segments is null)
        {
            return _single.Span.StartsWith(prefix);
        }

        foreach (var segment in segments)
        {
            if (prefix.IsEmpty)
            {
                break;
            }

            var n = Math.Min(segment.Length, prefix.Length);
            if (!segment.Span[..n].SequenceEqual(prefix[..n]))
            {
                return false;
            }

            prefix = prefix[n..];
        }

        return true;
    }

    /// <summary>True when the bytes begin with the bytes of <paramref name="prefix"/>, whatever either's segmentation.</summary>
    /// <param name="prefix">The expected leading bytes.</param>
    public bool StartsWith(ByteString prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        return prefix._length <= _length && PrefixEquals(this, prefix, prefix._length);
    }

    /// <summary>Position of the first <paramref name="value"/>, or -1; searches segment by segment with vectorized span search.</summary>
    /// <param name="value">The byte to find.</param>
    public int IndexOf(byte value) => IndexOf(value, 0);

    /// <summary>Position of the first <paramref name="value"/> at or after <paramref name="startIndex"/>, or -1 (useful for framing).</summary>
    /// <param name="value">The byte to find.</param>
    /// <param name="startIndex">Where the search starts, at most <see cref="Length"/>.</param>
    public int IndexOf(byte value, int startIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(startIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(startIndex, _length);
        var segments = _segments;
        if (segments is null)
        {
            var found = _single.Span[startIndex..].IndexOf(value);
            return found < 0 ? -1 : found + startIndex;
        }

        var offset = 0;
        foreach (var segment in segments)
        {
            var length = segment.Length;
            if (startIndex < offset + length)
            {
                var from = Math.Max(startIndex - offset, 0);
                var found = segment.Span[from..].IndexOf(value);
                if (found >= 0)
                {
                    return offset + from + found;
                }
            }

            offset += length;
        }

        return -1;
    }

    /// <summary>Content equality: same bytes in the same order, regardless of how either side is segmented.</summary>
    /// <param name="other">The byte string to compare with.</param>
    public bool Equals(ByteString? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (other is null || other._length != _length)
        {
            return false;
        }

        if (_segments is null && other._segments is null)
        {
            return _single.Span.SequenceEqual(other._single.Span);
        }

        return PrefixEquals(this, other, _length);
    }

    /// <summary>Content equality with another <see cref="ByteString"/>; any other object is unequal.</summary>
    /// <param name="obj">The object to compare with.</param>
    public override bool Equals(object? obj) => Equals(obj as ByteString);

    /// <summary>A hash of the content, identical for equal contents however they are segmented.</summary>
    public override int GetHashCode()
    {
        // Whole 4-byte words, then the byte tail, over the logical content; a word that straddles a rope segment
        // boundary is assembled in a small carry buffer, so the segmentation never shows in the result.
        var hash = default(HashCode);
        Span<byte> carry = stackalloc byte[sizeof(int)];
        var carried = 0;
        var segments = _segments;
        if (segments is null)
        {
            AddToHash(ref hash, _single.Span, carry, ref carried);
        }
        else
        {
            foreach (var segment in segments)
            {
                AddToHash(ref hash, segment.Span, carry, ref carried);
            }
        }

        for (var i = 0; i < carried; i++)
        {
            hash.Add(carry[i]);
        }

        hash.Add(_length);
        return hash.ToHashCode();
    }

    /// <summary>A short description: length, segment count and a hex and ASCII preview of the first 16 bytes, never the whole payload.</summary>
    public override string ToString()
    {
        if (_length == 0)
        {
            return "ByteString(Length=0)";
        }

        var shown = Math.Min(_length, PreviewBytes);
        Span<byte> preview = stackalloc byte[PreviewBytes];
        Slice(0, shown).CopyTo(preview);
        preview = preview[..shown];
        var more = _length > shown;

        var builder = new StringBuilder(32 + (shown * 4));
        builder.Append(string.Create(CultureInfo.InvariantCulture, $"ByteString(Length={_length}, Segments={SegmentCount}: "));
        builder.Append(Convert.ToHexString(preview));
        builder.Append(more ? "… \"" : " \"");
        foreach (var b in preview)
        {
            builder.Append(b is >= 0x20 and < 0x7F ? (char)b : '.');
        }

        builder.Append(more ? "\"…)" : "\")");
        return builder.ToString();
    }

    /// <summary>Enumerates the bytes segment by segment without allocating.</summary>
    public Enumerator GetEnumerator() => new(this);

    IEnumerator<byte> IEnumerable<byte>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private ReadOnlyMemory<byte> GetSegment(int index) => _segments is null ? _single : _segments[index];

    /// <summary>Compares the first <paramref name="length"/> bytes of two byte strings, walking both segmentations in step.</summary>
    private static bool PrefixEquals(ByteString a, ByteString b, int length)
    {
        int ai = 0, bi = 0;
        var aSpan = ReadOnlySpan<byte>.Empty;
        var bSpan = ReadOnlySpan<byte>.Empty;
        while (length > 0)
        {
            if (aSpan.IsEmpty)
            {
                aSpan = a.GetSegment(ai++).Span;
            }

            if (bSpan.IsEmpty)
            {
                bSpan = b.GetSegment(bi++).Span;
            }

            var n = Math.Min(Math.Min(aSpan.Length, bSpan.Length), length);
            if (!aSpan[..n].SequenceEqual(bSpan[..n]))
            {
                return false;
            }

            aSpan = aSpan[n..];
            bSpan = bSpan[n..];
            length -= n;
        }

        return true;
    }

    private static void AddToHash(ref HashCode hash, ReadOnlySpan<byte> span, Span<byte> carry, ref int carried)
    {
        if (carried > 0)
        {
            var take = Math.Min(sizeof(int) - carried, span.Length);
            span[..take].CopyTo(carry[carried..]);
            carried += take;
            span = span[take..];
            if (carried < sizeof(int))
            {
                return;
            }

            hash.Add(MemoryMarshal.Read<int>(carry));
            carried = 0;
        }

        var whole = span.Length & ~(sizeof(int) - 1);
        foreach (var word in MemoryMarshal.Cast<byte, int>(span[..whole]))
        {
            hash.Add(word);
        }

        span[whole..].CopyTo(carry);
        carried = span.Length - whole;
    }

    /// <summary>Re-joins two memories that are adjacent slices of the same array (e.g. after slicing and concatenating back).</summary>
    private static bool TryJoinAdjacent(ReadOnlyMemory<byte> left, ReadOnlyMemory<byte> right, out ReadOnlyMemory<byte> joined)
    {
        if (MemoryMarshal.TryGetArray(left, out var l) && MemoryMarshal.TryGetArray(right, out var r)
            && ReferenceEquals(l.Array, r.Array) && l.Offset + l.Count == r.Offset)
        {
            joined = new ReadOnlyMemory<byte>(l.Array, l.Offset, l.Count + r.Count);
            return true;
        }

        joined = default;
        return false;
    }
}
