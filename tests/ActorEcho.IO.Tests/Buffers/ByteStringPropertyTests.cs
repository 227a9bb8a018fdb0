using System.Buffers;
using ActorEcho.IO.Buffers;
using FsCheck;
using FsCheck.Fluent;

namespace ActorEcho.IO.Tests.Buffers;

/// <summary>Property checks: for random payloads cut at random points, the rope behaves exactly like the flat array.</summary>
public class ByteStringPropertyTests
{
    private static readonly Config s_config = Config.QuickThrowOnFailure.WithMaxTest(400);

    /// <summary>A payload, sorted cut points inside it, and whether pieces share one array (slices) or are separate copies.</summary>
    public sealed record Case(byte[] Data, int[] Cuts, bool SharedArray)
    {
        public override string ToString() =>
            $"Data[{Data.Length}]={Convert.ToHexString(Data)}, Cuts=[{string.Join(",", Cuts)}], SharedArray={SharedArray}";
    }

    private static Gen<byte[]> DataGen() =>
        Gen.Frequency(
            (1, Gen.Choose(0, 70)),
            (3, Gen.Choose(0, 700)))
        .SelectMany(n => Gen.Choose(0, 255).Select(b => (byte)b).ArrayOf(n));

    private static Gen<Case> CaseGen() =>
        from data in DataGen()
        from cutCount in Gen.Choose(0, 8)
        from cuts in Gen.Choose(0, data.Length).ArrayOf(cutCount)
        from shared in Gen.Elements(true, false)
        select new Case(data, cuts.Order().ToArray(), shared);

    /// <summary>Builds the payload by concatenating the pieces between the cut points, left to right.</summary>
    private static ByteString Build(Case c)
    {
        var whole = ByteString.CopyFrom(c.Data);
        var result = ByteString.Empty;
        var previous = 0;
        foreach (var cut in c.Cuts.Append(c.Data.Length))
        {
            var piece = c.SharedArray
                ? whole.Slice(previous, cut - previous)
                : ByteString.CopyFrom(c.Data.AsSpan(previous, cut - previous));
            result += piece;
            previous = cut;
        }

        return result;
    }

    [Fact]
    public void Concat_RandomPieces_EqualsOriginal()
    {
        Check.One(s_config, Prop.ForAll(CaseGen().ToArbitrary(), (Func<Case, bool>)(c =>
        {
            var rope = Build(c);
            var flat = ByteString.CopyFrom(c.Data);
            return rope.Length == c.Data.Length
                && rope.Equals(flat)
                && flat.Equals(rope)
                && rope.GetHashCode() == flat.GetHashCode()
                && rope.ToArray().AsSpan().SequenceEqual(c.Data);
        })));
    }

    [Fact]
    public void Concat_RightNestedPieces_EqualsLeftNested()
    {
        Check.One(s_config, Prop.ForAll(CaseGen().ToArbitrary(), (Func<Case, bool>)(c =>
        {
            var bounds = c.Cuts.Prepend(0).Append(c.Data.Length).ToArray();
            var rightNested = ByteString.Empty;
            for (var i = bounds.Length - 2; i >= 0; i--)
            {
                rightNested = ByteString.CopyFrom(c.Data.AsSpan(bounds[i], bounds[i + 1] - bounds[i])).Concat(rightNested);
            }

            return rightNested.Equals(Build(c)) && rightNested.ToArray().AsSpan().SequenceEqual(c.Data);
        })));
    }

    [Fact]
    public void Slice_RandomRange_EqualsArraySlice()
    {
        var gen =
            from c in CaseGen()
            from start in Gen.Choose(0, c.Data.Length)
            from length in Gen.Choose(0, c.Data.Length - start)
            select (c, start, length);

        Check.One(s_config, Prop.ForAll(gen.ToArbitrary(), (Func<(Case C, int Start, int Length), bool>)(t =>
        {
            var expected = t.C.Data.AsSpan(t.Start, t.Length);
            var slice = Build(t.C).Slice(t.Start, t.Length);
            var tail = Build(t.C).Slice(t.Start);
            return slice.Length == t.Length
                && slice.ToArray().AsSpan().SequenceEqual(expected)
                && slice.Equals(ByteString.CopyFrom(expected))
                && slice.GetHashCode() == ByteString.CopyFrom(expected).GetHashCode()
                && slice.GetSegments().Count <= t.C.Cuts.Length + 1
                && tail.ToArray().AsSpan().SequenceEqual(t.C.Data.AsSpan(t.Start));
        })));
    }

    [Fact]
    public void ToReadOnlySequence_RandomRope_AgreesWithToArrayAndCopyTo()
    {
        Check.One(s_config, Prop.ForAll(CaseGen().ToArbitrary(), (Func<Case, bool>)(c =>
        {
            var rope = Build(c);
            var sequence = rope.ToReadOnlySequence();
            var copied = new byte[rope.Length];
            rope.CopyTo(copied);
            var enumerated = new List<byte>(rope.Length);
            foreach (var b in rope)
            {
                enumerated.Add(b);
            }

            return sequence.Length == rope.Length
                && sequence.ToArray().AsSpan().SequenceEqual(rope.ToArray())
                && copied.AsSpan().SequenceEqual(c.Data)
                && enumerated.ToArray().AsSpan().SequenceEqual(c.Data)
                && ByteString.CopyFrom(sequence).Equals(rope)
                && rope.Compact().Equals(rope);
        })));
    }

    [Fact]
    public void IndexerAndIndexOf_RandomRope_AgreeWithArray()
    {
        var gen =
            from c in CaseGen()
            from value in Gen.Choose(0, 255)
            from start in Gen.Choose(0, c.Data.Length)
            select (c, (byte)value, start);

        Check.One(s_config, Prop.ForAll(gen.ToArbitrary(), (Func<(Case C, byte Value, int Start), bool>)(t =>
        {
            var rope = Build(t.C);
            for (var i = 0; i < t.C.Data.Length; i += 7)
            {
                if (rope[i] != t.C.Data[i])
                {
                    return false;
                }
            }

            return rope.IndexOf(t.Value, t.Start) == Array.IndexOf(t.C.Data, t.Value, t.Start)
                && rope.StartsWith(t.C.Data.AsSpan(0, t.Start))
                && rope.StartsWith(ByteString.CopyFrom(t.C.Data.AsSpan(0, t.Start)));
        })));
    }
}
