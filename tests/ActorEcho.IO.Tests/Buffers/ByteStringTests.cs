using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;
using ActorEcho.IO.Buffers;

namespace ActorEcho.IO.Tests.Buffers;

public class ByteStringTests
{
    private static readonly byte[] s_allBytes = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();

    /// <summary>Bytes 0..n-1 (mod 256) in a rope of fresh, separately allocated segments of the given sizes.</summary>
    private static ByteString Rope(params int[] sizes)
    {
        var result = ByteString.Empty;
        var next = 0;
        foreach (var size in sizes)
        {
            var piece = new byte[size];
            for (var i = 0; i < size; i++)
            {
                piece[i] = (byte)next++;
            }

            result = result.Concat(ByteString.UnsafeWrap(piece));
        }

        return result;
    }

    private static byte[] Sequence(int length) => Enumerable.Range(0, length).Select(i => (byte)i).ToArray();

    // --- Empty and factories -------------------------------------------------------------------------------------

    [Fact]
    public void Empty_Always_HasNoBytesAndNoSegments()
    {
        Assert.True(ByteString.Empty.IsEmpty);
        Assert.Equal(0, ByteString.Empty.Length);
        var count = ByteString.Empty.Count;
        Assert.Equal(0, count);
        Assert.Empty(ByteString.Empty);
        Assert.Equal(0, ByteString.Empty.GetSegments().Count);
        Assert.Empty(ByteString.Empty.ToArray());
        Assert.Same(ByteString.Empty, ByteString.Empty);
    }

    [Fact]
    public void CopyFrom_Span_CopiesSoMutatingSourceDoesNotChangeResult()
    {
        var source = new byte[] { 1, 2, 3 };

        var bytes = ByteString.CopyFrom(source.AsSpan());
        source[0] = 99;

        Assert.Equal(new byte[] { 1, 2, 3 }, bytes.ToArray());
    }

    [Fact]
    public void CopyFrom_EmptySpan_ReturnsEmptyInstance()
    {
        Assert.Same(ByteString.Empty, ByteString.CopyFrom(ReadOnlySpan<byte>.Empty));
    }

    [Fact]
    public void CopyFrom_ArrayOffsetCount_CopiesTheRangeOnly()
    {
        var source = new byte[] { 1, 2, 3, 4, 5 };

        var bytes = ByteString.CopyFrom(source, 1, 3);
        source[2] = 99;

        Assert.Equal(new byte[] { 2, 3, 4 }, bytes.ToArray());
    }

    [Theory]
    [InlineData(-1, 1)]
    [InlineData(0, -1)]
    [InlineData(6, 0)]
    [InlineData(3, 3)]
    [InlineData(0, 6)]
    public void CopyFrom_ArrayRangeOutOfBounds_Throws(int offset, int count)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ByteString.CopyFrom(new byte[5], offset, count));
    }

    [Fact]
    public void CopyFrom_NullArray_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => ByteString.CopyFrom(null!, 0, 0));
    }

    [Fact]
    public void CopyFrom_ArrayEndRange_ReturnsEmpty()
    {
        Assert.Same(ByteString.Empty, ByteString.CopyFrom(new byte[5], 5, 0));
    }

    [Fact]
    public void CopyFrom_SingleSegmentSequence_CopiesBytes()
    {
        var source = new byte[] { 7, 8, 9 };

        var bytes = ByteString.CopyFrom(new ReadOnlySequence<byte>(source));
        source[0] = 0;

        Assert.Equal(new byte[] { 7, 8, 9 }, bytes.ToArray());
        Assert.Equal(1, bytes.GetSegments().Count);
    }

    [Fact]
    public void CopyFrom_MultiSegmentSequence_CopiesIntoOneSegment()
    {
        var source = Rope(100, 50, 30);
        var sequence = source.ToReadOnlySequence();
        Assert.False(sequence.IsSingleSegment);

        var bytes = ByteString.CopyFrom(sequence);

        Assert.Equal(1, bytes.GetSegments().Count);
        Assert.Equal(Sequence(180), bytes.ToArray());
    }

    [Fact]
    public void CopyFrom_MultiSegmentSequence_DoesNotShareSourceMemory()
    {
        var first = new byte[100];
        var second = new byte[100];
        var rope = ByteString.UnsafeWrap(first).Concat(ByteString.UnsafeWrap(second));

        var copy = ByteString.CopyFrom(rope.ToReadOnlySequence());
        first[0] = 1;
        second[99] = 2;

        Assert.All(copy.ToArray(), b => Assert.Equal(0, b));
    }

    [Fact]
    public void CopyFrom_EmptySequence_ReturnsEmptyInstance()
    {
        Assert.Same(ByteString.Empty, ByteString.CopyFrom(ReadOnlySequence<byte>.Empty));
    }

    [Fact]
    public void FromBytes_Array_CopiesSoMutatingSourceDoesNotChangeResult()
    {
        var source = new byte[] { 4, 5, 6 };

        var bytes = ByteString.FromBytes(source);
        source[1] = 0;

        Assert.Equal(new byte[] { 4, 5, 6 }, bytes.ToArray());
    }

    [Fact]
    public void FromBytes_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => ByteString.FromBytes(null!));
    }

    [Fact]
    public void FromString_DefaultEncoding_IsUtf8WithoutPreamble()
    {
        var bytes = ByteString.FromString("h\u00e9");

        Assert.Equal(new byte[] { 0x68, 0xC3, 0xA9 }, bytes.ToArray());
    }

    [Fact]
    public void FromString_GivenEncoding_UsesIt()
    {
        var bytes = ByteString.FromString("AB", Encoding.Unicode);

        Assert.Equal(new byte[] { 0x41, 0, 0x42, 0 }, bytes.ToArray());
    }

    [Fact]
    public void FromString_EmptyString_ReturnsEmptyInstance()
    {
        Assert.Same(ByteString.Empty, ByteString.FromString(string.Empty));
    }

    [Fact]
    public void UnsafeWrap_Memory_DoesNotCopy()
    {
        var source = new byte[] { 1, 2, 3 };

        var bytes = ByteString.UnsafeWrap(source);
        source[0] = 42;

        Assert.Equal(42, bytes[0]);
        Assert.True(bytes.TryGetSingleSegment(out var memory));
        Assert.True(memory.Span == source.AsSpan());
    }

    [Fact]
    public void UnsafeWrap_EmptyMemory_ReturnsEmptyInstance()
    {
        Assert.Same(ByteString.Empty, ByteString.UnsafeWrap(ReadOnlyMemory<byte>.Empty));
    }

    // --- Length, indexer -----------------------------------------------------------------------------------------

    [Fact]
    public void LengthAndCount_Rope_AreTheTotal()
    {
        var rope = Rope(40, 30, 20);

        Assert.Equal(90, rope.Length);
        Assert.Equal(90, rope.Count);
        Assert.False(rope.IsEmpty);
    }

    [Fact]
    public void Indexer_SingleSegment_ReturnsEachByte()
    {
        var bytes = ByteString.CopyFrom(s_allBytes);

        for (var i = 0; i < 256; i++)
        {
            Assert.Equal((byte)i, bytes[i]);
        }
    }

    [Fact]
    public void Indexer_Rope_ReturnsBytesAcrossSegmentBoundaries()
    {
        var rope = Rope(50, 1, 49, 100);

        for (var i = 0; i < rope.Length; i++)
        {
            Assert.Equal((byte)i, rope[i]);
        }
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(10)]
    [InlineData(int.MaxValue)]
    public void Indexer_OutOfRange_Throws(int index)
    {
        var bytes = ByteString.CopyFrom(new byte[10]);

        Assert.Throws<ArgumentOutOfRangeException>(() => bytes[index]);
    }

    [Fact]
    public void Indexer_RopeOutOfRange_Throws()
    {
        var rope = Rope(40, 40);

        Assert.Throws<ArgumentOutOfRangeException>(() => rope[80]);
    }

    // --- Slice -----------------------------------------------------------------------------------------------------

    [Fact]
    public void Slice_SingleSegment_SharesMemoryWithoutCopying()
    {
        var source = Sequence(10);
        var bytes = ByteString.UnsafeWrap(source);

        var slice = bytes.Slice(2, 5);
        source[3] = 200;

        Assert.Equal(new byte[] { 2, 200, 4, 5, 6 }, slice.ToArray());
    }

    [Fact]
    public void Slice_Start_ReturnsTail()
    {
        var bytes = ByteString.CopyFrom(Sequence(10));

        Assert.Equal(new byte[] { 7, 8, 9 }, bytes.Slice(7).ToArray());
    }

    [Fact]
    public void Slice_WholeRange_ReturnsSameInstance()
    {
        var rope = Rope(40, 40);

        Assert.Same(rope, rope.Slice(0));
        Assert.Same(rope, rope.Slice(0, 80));
    }

    [Fact]
    public void Slice_ZeroLength_ReturnsEmptyInstance()
    {
        var rope = Rope(40, 40);

        Assert.Same(ByteString.Empty, rope.Slice(40, 0));
        Assert.Same(ByteString.Empty, rope.Slice(80));
    }

    [Fact]
    public void Slice_RopeWithinOneSegment_IsSingleSegment()
    {
        var rope = Rope(40, 40, 40);

        var slice = rope.Slice(45, 30);

        Assert.Equal(1, slice.GetSegments().Count);
        Assert.Equal(Sequence(120)[45..75], slice.ToArray());
    }

    [Fact]
    public void Slice_RopeAcrossBoundaries_KeepsOnlyCoveredSegments()
    {
        var rope = Rope(40, 40, 40, 40);

        var slice = rope.Slice(50, 40);

        Assert.Equal(2, slice.GetSegments().Count);
        Assert.Equal(Sequence(160)[50..90], slice.ToArray());
    }

    [Fact]
    public void Slice_RopeExactlyOnSegmentBoundaries_KeepsWholeSegments()
    {
        var rope = Rope(40, 40, 40, 40);

        var slice = rope.Slice(40, 80);

        Assert.Equal(2, slice.GetSegments().Count);
        Assert.Equal(Sequence(160)[40..120], slice.ToArray());
        foreach (var segment in slice.GetSegments())
        {
            Assert.Equal(40, segment.Length);
        }
    }

    [Fact]
    public void Slice_EveryRangeOfRope_MatchesArraySlice()
    {
        var rope = Rope(3, 1, 64, 2, 30);
        var expected = Sequence(100);

        for (var start = 0; start <= rope.Length; start++)
        {
            for (var length = 0; length <= rope.Length - start; length++)
            {
                Assert.Equal(expected.AsSpan(start, length).ToArray(), rope.Slice(start, length).ToArray());
            }
        }
    }

    [Fact]
    public void Slice_OfSlice_MatchesArraySlice()
    {
        var rope = Rope(70, 70, 70);

        var slice = rope.Slice(10, 180).Slice(55, 100);

        Assert.Equal(Sequence(210)[65..165], slice.ToArray());
    }

    [Theory]
    [InlineData(-1, 0)]
    [InlineData(0, -1)]
    [InlineData(81, 0)]
    [InlineData(40, 41)]
    [InlineData(1, 80)]
    [InlineData(0, int.MaxValue)]
    public void Slice_OutOfBounds_Throws(int start, int length)
    {
        var rope = Rope(40, 40);

        Assert.Throws<ArgumentOutOfRangeException>(() => rope.Slice(start, length));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(11)]
    public void Slice_StartOutOfBounds_Throws(int start)
    {
        var bytes = ByteString.CopyFrom(new byte[10]);

        Assert.Throws<ArgumentOutOfRangeException>(() => bytes.Slice(start));
    }

    // --- Concat ----------------------------------------------------------------------------------------------------

    [Fact]
    public void Concat_WithEmpty_ReturnsTheOtherInstance()
    {
        var bytes = ByteString.CopyFrom(new byte[] { 1 });

        Assert.Same(bytes, bytes.Concat(ByteString.Empty));
        Assert.Same(bytes, ByteString.Empty.Concat(bytes));
        Assert.Same(ByteString.Empty, ByteString.Empty.Concat(ByteString.Empty));
    }

    [Fact]
    public void Concat_LargePieces_BuildsRopeWithoutCopying()
    {
        var left = new byte[100];
        var right = new byte[100];

        var rope = ByteString.UnsafeWrap(left).Concat(ByteString.UnsafeWrap(right));
        left[0] = 1;
        right[0] = 2;

        Assert.Equal(200, rope.Length);
        Assert.Equal(2, rope.GetSegments().Count);
        Assert.False(rope.TryGetSingleSegment(out _));
        Assert.Equal(1, rope[0]);
        Assert.Equal(2, rope[100]);
    }

    [Fact]
    public void Concat_SmallTotal_CopiesIntoOneSegment()
    {
        var left = new byte[] { 1, 2 };

        var joined = ByteString.UnsafeWrap(left).Concat(ByteString.FromBytes([3, 4]));
        left[0] = 9;

        Assert.True(joined.TryGetSingleSegment(out _));
        Assert.Equal(new byte[] { 1, 2, 3, 4 }, joined.ToArray());
    }

    [Fact]
    public void Concat_TotalAtThreshold_BuildsRope()
    {
        var half = ByteString.SmallConcatThreshold / 2;

        var joined = ByteString.CopyFrom(new byte[half]).Concat(ByteString.CopyFrom(new byte[half]));

        Assert.Equal(2, joined.GetSegments().Count);
    }

    [Fact]
    public void Concat_RopeWithRope_FlattensSegmentList()
    {
        var rope = Rope(40, 40).Concat(Rope(40, 40));

        Assert.Equal(4, rope.GetSegments().Count);
        Assert.Equal(160, rope.Length);
    }

    [Fact]
    public void Concat_AdjacentSlicesOfOneArray_RejoinsIntoOneSegment()
    {
        var bytes = ByteString.CopyFrom(Sequence(200));

        var rejoined = bytes.Slice(0, 120).Concat(bytes.Slice(120));

        Assert.True(rejoined.TryGetSingleSegment(out var memory));
        Assert.Equal(200, memory.Length);
        Assert.Equal(bytes, rejoined);
    }

    [Fact]
    public void Concat_NonAdjacentSlicesOfOneArray_StaysRope()
    {
        var bytes = ByteString.CopyFrom(Sequence(200));

        var joined = bytes.Slice(100, 100).Concat(bytes.Slice(0, 100));

        Assert.Equal(2, joined.GetSegments().Count);
        Assert.Equal([.. Sequence(200)[100..], .. Sequence(200)[..100]], joined.ToArray());
    }

    [Fact]
    public void Concat_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => ByteString.Empty.Concat(null!));
    }

    [Fact]
    public void OperatorPlus_TwoByteStrings_Concatenates()
    {
        var joined = ByteString.FromString("ab") + ByteString.FromString("cd");

        Assert.Equal("abcd", joined.DecodeString());
    }

    // --- Conversions ------------------------------------------------------------------------------------------------

    [Fact]
    public void ToArray_AllByteValues_RoundTrip()
    {
        Assert.Equal(s_allBytes, ByteString.CopyFrom(s_allBytes).ToArray());
        Assert.Equal(s_allBytes, ByteString.CopyFrom(new ReadOnlySequence<byte>(s_allBytes)).ToArray());
        Assert.Equal(s_allBytes, ByteString.FromBytes(s_allBytes).Compact().ToArray());
    }

    [Fact]
    public void ToArray_AllByteValuesInRope_RoundTrip()
    {
        var rope = Rope(100, 56, 100);

        Assert.Equal(s_allBytes, rope.ToArray());
    }

    [Fact]
    public void ToArray_Single_ReturnsIndependentCopy()
    {
        var bytes = ByteString.FromBytes([1, 2, 3]);

        var array = bytes.ToArray();
        array[0] = 9;

        Assert.Equal(1, bytes[0]);
    }

    [Fact]
    public void CopyTo_Rope_WritesAllBytesAndLeavesRestUntouched()
    {
        var rope = Rope(50, 50);
        var destination = new byte[110];
        destination.AsSpan().Fill(0xEE);

        rope.CopyTo(destination);

        Assert.Equal(Sequence(100), destination[..100]);
        Assert.All(destination[100..], b => Assert.Equal(0xEE, b));
    }

    [Fact]
    public void CopyTo_SingleSegment_WritesAllBytes()
    {
        var destination = new byte[256];

        ByteString.CopyFrom(s_allBytes).CopyTo(destination);

        Assert.Equal(s_allBytes, destination);
    }

    [Fact]
    public void CopyTo_DestinationTooShort_Throws()
    {
        var rope = Rope(50, 50);

        Assert.Throws<ArgumentException>(() => rope.CopyTo(new byte[99]));
    }

    [Fact]
    public void ToReadOnlySequence_SingleSegment_IsOneSegmentOverSameMemory()
    {
        var source = Sequence(10);

        var sequence = ByteString.UnsafeWrap(source).ToReadOnlySequence();

        Assert.True(sequence.IsSingleSegment);
        Assert.True(sequence.FirstSpan == source.AsSpan());
    }

    [Fact]
    public void ToReadOnlySequence_Rope_EqualsToArray()
    {
        var rope = Rope(70, 1, 90, 95);

        var sequence = rope.ToReadOnlySequence();

        Assert.False(sequence.IsSingleSegment);
        Assert.Equal(rope.Length, sequence.Length);
        Assert.Equal(rope.ToArray(), sequence.ToArray());
    }

    [Fact]
    public void ToReadOnlySequence_Rope_HasOneSegmentPerRopeSegment()
    {
        var rope = Rope(70, 80, 90);
        var lengths = new List<int>();

        foreach (var memory in rope.ToReadOnlySequence())
        {
            lengths.Add(memory.Length);
        }

        Assert.Equal([70, 80, 90], lengths);
    }

    [Fact]
    public void ToReadOnlySequence_Rope_SlicesLikeTheByteString()
    {
        var rope = Rope(70, 80, 90);

        var sliced = rope.ToReadOnlySequence().Slice(60, 100);

        Assert.Equal(rope.Slice(60, 100).ToArray(), sliced.ToArray());
    }

    [Fact]
    public void ToReadOnlySequence_Empty_IsEmpty()
    {
        Assert.True(ByteString.Empty.ToReadOnlySequence().IsEmpty);
    }

    [Fact]
    public void TryGetSingleSegment_Contiguous_ReturnsMemory()
    {
        var bytes = ByteString.FromBytes([1, 2, 3]);

        Assert.True(bytes.TryGetSingleSegment(out var memory));
        Assert.Equal(new byte[] { 1, 2, 3 }, memory.ToArray());
    }

    [Fact]
    public void TryGetSingleSegment_Empty_ReturnsEmptyMemory()
    {
        Assert.True(ByteString.Empty.TryGetSingleSegment(out var memory));
        Assert.True(memory.IsEmpty);
    }

    [Fact]
    public void TryGetSingleSegment_Rope_ReturnsFalse()
    {
        Assert.False(Rope(40, 40).TryGetSingleSegment(out var memory));
        Assert.True(memory.IsEmpty);
    }

    [Fact]
    public void GetSegments_Rope_EnumeratesEverySegmentInOrder()
    {
        var rope = Rope(40, 50, 60);
        var collected = new List<byte>();
        var count = 0;

        foreach (var segment in rope.GetSegments())
        {
            Assert.False(segment.IsEmpty);
            collected.AddRange(segment.ToArray());
            count++;
        }

        Assert.Equal(3, count);
        Assert.Equal(3, rope.GetSegments().Count);
        Assert.Equal(rope.ToArray(), collected);
    }

    [Fact]
    public void GetSegments_Empty_EnumeratesNothing()
    {
        Assert.Empty(ByteString.Empty.GetSegments());
    }

    [Fact]
    public void GetSegments_SingleSegment_EnumeratesOneSegment()
    {
        var segments = ByteString.FromBytes([1, 2]).GetSegments().ToList();

        Assert.Single(segments);
        Assert.Equal(new byte[] { 1, 2 }, segments[0].ToArray());
    }

    [Fact]
    public void GetSegments_EnumeratorReset_StartsOver()
    {
        var enumerator = Rope(40, 40).GetSegments().GetEnumerator();
        while (enumerator.MoveNext())
        {
        }

        enumerator.Reset();

        Assert.True(enumerator.MoveNext());
        Assert.Equal(40, enumerator.Current.Length);
        enumerator.Dispose();
    }

    [Fact]
    public void Compact_Rope_ReturnsSingleSegmentCopy()
    {
        var rope = Rope(40, 40, 40);

        var compact = rope.Compact();

        Assert.True(compact.TryGetSingleSegment(out _));
        Assert.Equal(rope, compact);
    }

    [Fact]
    public void Compact_SliceOfWrappedBuffer_DetachesFromBuffer()
    {
        var buffer = Sequence(100);
        var slice = ByteString.UnsafeWrap(buffer).Slice(10, 5);

        var compact = slice.Compact();
        buffer[10] = 255;

        Assert.True(compact.TryGetSingleSegment(out var memory));
        Assert.True(MemoryMarshal.TryGetArray(memory, out var array));
        Assert.Equal(5, array.Array!.Length);
        Assert.Equal(new byte[] { 10, 11, 12, 13, 14 }, compact.ToArray());
    }

    [Fact]
    public void Compact_Empty_ReturnsEmptyInstance()
    {
        Assert.Same(ByteString.Empty, ByteString.Empty.Compact());
    }

    [Fact]
    public void DecodeString_DefaultEncoding_DecodesUtf8()
    {
        Assert.Equal("h\u00e9llo \ud83d\ude00", ByteString.FromString("h\u00e9llo \ud83d\ude00").DecodeString());
    }

    [Fact]
    public void DecodeString_MultiByteCharacterSplitAcrossSegments_DecodesCorrectly()
    {
        var text = new string('a', 70) + "\u20ac" + new string('b', 70);
        var bytes = Encoding.UTF8.GetBytes(text);
        var rope = ByteString.CopyFrom(bytes.AsSpan(0, 71)).Concat(ByteString.CopyFrom(bytes.AsSpan(71)));
        Assert.Equal(2, rope.GetSegments().Count);

        Assert.Equal(text, rope.DecodeString());
    }

    [Fact]
    public void DecodeString_GivenEncoding_UsesIt()
    {
        Assert.Equal("AB", ByteString.FromBytes([0x41, 0, 0x42, 0]).DecodeString(Encoding.Unicode));
    }

    [Fact]
    public void ToString_Short_ShowsLengthHexAndAscii()
    {
        var text = ByteString.FromString("hi\n").ToString();

        Assert.Equal("ByteString(Length=3, Segments=1: 68690A \"hi.\")", text);
    }

    [Fact]
    public void ToString_Long_ShowsOnlyPreview()
    {
        var rope = Rope(5000, 5000);

        var text = rope.ToString();

        Assert.StartsWith("ByteString(Length=10000, Segments=2: 000102030405060708090A0B0C0D0E0F\u2026", text, StringComparison.Ordinal);
        Assert.True(text.Length < 100, text);
    }

    [Fact]
    public void ToString_Empty_ShowsZeroLength()
    {
        Assert.Equal("ByteString(Length=0)", ByteString.Empty.ToString());
    }

    // --- Equality and hashing --------------------------------------------------------------------------------------

    [Fact]
    public void Equals_SameContentDifferentSegmentation_IsTrue()
    {
        var contiguous = ByteString.CopyFrom(Sequence(200));
        var ropeA = Rope(100, 100);
        var ropeB = Rope(1, 70, 129);
        var ropeC = Rope(65, 65, 70);

        Assert.Equal(contiguous, ropeA);
        Assert.True(ropeA.Equals(ropeB));
        Assert.True(ropeB.Equals(ropeC));
        Assert.True(ropeC.Equals(contiguous));
        Assert.True(contiguous == ropeB);
        Assert.False(contiguous != ropeB);
    }

    [Fact]
    public void GetHashCode_SameContentDifferentSegmentation_IsEqual()
    {
        var expected = ByteString.CopyFrom(Sequence(203)).GetHashCode();

        Assert.Equal(expected, Rope(100, 103).GetHashCode());
        Assert.Equal(expected, Rope(1, 70, 132).GetHashCode());
        Assert.Equal(expected, Rope(65, 65, 73).GetHashCode());
        Assert.Equal(expected, Rope(66, 67, 70).GetHashCode());
    }

    [Fact]
    public void GetHashCode_DifferentContent_UsuallyDiffers()
    {
        var a = ByteString.FromString("hello world");
        var b = ByteString.FromString("hello worle");

        Assert.NotEqual(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(ByteString.FromBytes([0]).GetHashCode(), ByteString.FromBytes([0, 0]).GetHashCode());
    }

    [Fact]
    public void Equals_DifferentContentSameLength_IsFalse()
    {
        var rope = Rope(100, 100);
        var changed = Sequence(200);
        changed[150] = 0;

        Assert.False(rope.Equals(ByteString.CopyFrom(changed)));
        Assert.True(rope != ByteString.CopyFrom(changed));
    }

    [Fact]
    public void Equals_DifferentLength_IsFalse()
    {
        Assert.False(ByteString.FromBytes([1, 2]).Equals(ByteString.FromBytes([1, 2, 3])));
    }

    [Fact]
    public void Equals_NullOrOtherType_IsFalse()
    {
        var bytes = ByteString.FromBytes([1]);

        Assert.False(bytes.Equals((ByteString?)null));
        Assert.False(bytes.Equals((object?)null));
        Assert.False(bytes.Equals(new byte[] { 1 }));
        Assert.False(bytes == null);
        Assert.True((ByteString?)null == null);
    }

    [Fact]
    public void Equals_ObjectOverload_ComparesContent()
    {
        object other = Rope(40, 40);

        Assert.True(ByteString.CopyFrom(Sequence(80)).Equals(other));
    }

    [Fact]
    public void Equality_AsDictionaryKey_FindsDifferentlySegmentedKey()
    {
        var map = new Dictionary<ByteString, int> { [ByteString.CopyFrom(Sequence(150))] = 1 };

        Assert.True(map.ContainsKey(Rope(75, 75)));
    }

    // --- Helpers ---------------------------------------------------------------------------------------------------

    [Fact]
    public void StartsWith_SpanPrefixAcrossSegments_IsTrue()
    {
        var rope = Rope(40, 40);

        Assert.True(rope.StartsWith(Sequence(60)));
        Assert.True(rope.StartsWith(ReadOnlySpan<byte>.Empty));
        Assert.True(rope.StartsWith(Sequence(80)));
    }

    [Fact]
    public void StartsWith_SpanMismatchOrTooLong_IsFalse()
    {
        var rope = Rope(40, 40);
        var wrong = Sequence(60);
        wrong[55] = 0;

        Assert.False(rope.StartsWith(wrong));
        Assert.False(rope.StartsWith(Sequence(81)));
        Assert.False(ByteString.FromBytes([1, 2]).StartsWith([2]));
        Assert.True(ByteString.FromBytes([1, 2]).StartsWith([1]));
    }

    [Fact]
    public void StartsWith_ByteStringPrefix_ComparesContent()
    {
        var rope = Rope(40, 40);

        Assert.True(rope.StartsWith(Rope(30, 35)));
        Assert.True(rope.StartsWith(ByteString.Empty));
        Assert.True(rope.StartsWith(rope));
        Assert.False(rope.StartsWith(ByteString.FromBytes([1])));
        Assert.False(ByteString.FromBytes([0]).StartsWith(rope));
    }

    [Fact]
    public void IndexOf_ByteInLaterSegment_ReturnsGlobalPosition()
    {
        var rope = Rope(40, 40, 40);

        Assert.Equal(0, rope.IndexOf(0));
        Assert.Equal(95, rope.IndexOf(95));
        Assert.Equal(-1, rope.IndexOf(200));
        Assert.Equal(-1, ByteString.Empty.IndexOf(0));
    }

    [Fact]
    public void IndexOf_WithStartIndex_SkipsEarlierOccurrences()
    {
        var rope = Rope(200, 200);

        Assert.Equal(256, rope.IndexOf(0, 1));
        Assert.Equal(260, rope.IndexOf(4, 5));
        Assert.Equal(4, rope.IndexOf(4, 4));
        Assert.Equal(-1, rope.IndexOf(0, 400));
        Assert.Equal(15, ByteString.FromString("GET /\r\nHost: x\r\n").IndexOf((byte)'\n', 7));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(81)]
    public void IndexOf_StartIndexOutOfRange_Throws(int startIndex)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Rope(40, 40).IndexOf(0, startIndex));
    }

    // --- Enumeration ----------------------------------------------------------------------------------------------

    [Fact]
    public void GetEnumerator_Rope_YieldsAllBytesInOrder()
    {
        var rope = Rope(40, 1, 50);
        var collected = new List<byte>();

        foreach (var b in rope)
        {
            collected.Add(b);
        }

        Assert.Equal(Sequence(91), collected);
    }

    [Fact]
    public void GetEnumerator_ThroughInterface_YieldsAllBytes()
    {
        var bytes = ByteString.CopyFrom(s_allBytes);
        var collected = new List<byte>();

        using (var enumerator = ((IEnumerable<byte>)bytes).GetEnumerator())
        {
            while (enumerator.MoveNext())
            {
                collected.Add(enumerator.Current);
            }
        }

        Assert.Equal(s_allBytes, collected);
        Assert.Equal(256, ((IReadOnlyCollection<byte>)bytes).Count);
        Assert.Equal(255, ((IReadOnlyList<byte>)bytes)[255]);
    }

    [Fact]
    public void GetEnumerator_Empty_YieldsNothing()
    {
        Assert.Empty(ByteString.Empty);
    }

    [Fact]
    public void GetEnumerator_Reset_StartsOver()
    {
        var enumerator = Rope(40, 40).GetEnumerator();
        while (enumerator.MoveNext())
        {
        }

        Assert.False(enumerator.MoveNext());
        enumerator.Reset();

        Assert.True(enumerator.MoveNext());
        Assert.Equal(0, enumerator.Current);
        enumerator.Dispose();
    }
}
