using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace ActorEcho.Configuration.Tests;

/// <summary>Property-based robustness and round-trip checks; each property is bounded to stay fast.</summary>
public class PropertyTests
{
    private const string Alphabet = "{}[]=:,+\"$?#/\\\n \t.abcxyz019-_eEu\u00e9\r";

    private static readonly string[] s_tokens =
    [
        "a", "b.c", "\"q.k\"", "=", ":", "{", "}", "[", "]", ",", "\n", " ", "  ", "${a}", "${?b}", "${b.c}", "+=",
        "\"s\"", "\"\"\"", "\"\"\"x\"\"\"", "include", "\"x.conf\"", "required(", "file(", ")", "1", "-2.5", "true", "null",
        "#c\n", "//c\n", "10s", "\\", "\"\\u00", "$", "?", "yes",
    ];

    private static readonly Config s_config = Config.QuickThrowOnFailure.WithMaxTest(400);

    [Fact]
    public void Parse_RandomCharacters_ReturnsOrThrowsOnlyHoconParseException()
    {
        var gen = Gen.Choose(0, 300).SelectMany(n => Gen.Elements(Alphabet.ToCharArray()).ArrayOf(n)).Select(chars => new string(chars));

        Check.One(s_config, Prop.ForAll(gen.ToArbitrary(), (Func<string, bool>)ParsesOrFailsCleanly));
    }

    [Fact]
    public void Parse_RandomTokenSequences_ReturnsOrThrowsOnlyHoconParseException()
    {
        var gen = Gen.Choose(0, 120).SelectMany(n => Gen.Elements(s_tokens).ArrayOf(n)).Select(string.Concat);

        Check.One(s_config, Prop.ForAll(gen.ToArbitrary(), (Func<string, bool>)ParsesOrFailsCleanly));
    }

    [Fact]
    public void Parse_TruncatedSampleDocument_ReturnsOrThrowsOnlyHoconParseException()
    {
        var sample = SampleDocuments.ActorEcho;
        var gen = Gen.Choose(0, sample.Length).Select(n => sample[..n]);

        Check.One(s_config, Prop.ForAll(gen.ToArbitrary(), (Func<string, bool>)ParsesOrFailsCleanly));
    }

    [Fact]
    public void Parse_MutatedSampleDocument_ReturnsOrThrowsOnlyHoconParseException()
    {
        var sample = SampleDocuments.ActorEcho;
        var edit = from position in Gen.Choose(0, sample.Length - 1)
                   from kind in Gen.Choose(0, 2)
                   from c in Gen.Elements(Alphabet.ToCharArray())
                   select (position, kind, c);
        var gen = Gen.Choose(1, 8).SelectMany(n => edit.ArrayOf(n)).Select(edits => Mutate(sample, edits));

        Check.One(s_config, Prop.ForAll(gen.ToArbitrary(), (Func<string, bool>)ParsesOrFailsCleanly));
    }

    [Fact]
    public void Render_GeneratedTree_ParsesBackToEqualTree()
    {
        var gen = ObjectGen(3);

        Check.One(
            Config.QuickThrowOnFailure.WithMaxTest(300),
            Prop.ForAll(gen.ToArbitrary(), (Func<HoconObject, bool>)(tree => Hocon.Parse(HoconRenderer.Render(tree)).Equals(tree))));
    }

    [Fact]
    public void ParsesOrFailsCleanly_OtherException_IsNotSwallowed()
    {
        // Guards the property helper itself: only HoconParseException counts as a clean failure.
        Assert.Throws<InvalidOperationException>(() => Classify(() => throw new InvalidOperationException()));
        Assert.True(Classify(() => throw new HoconParseException("<string>", 1, 1, "x")));
    }

    private static bool ParsesOrFailsCleanly(string text) => Classify(() => Hocon.Parse(text));

    private static bool Classify(Action parse)
    {
        try
        {
            parse();
        }
        catch (HoconParseException)
        {
        }

        return true;
    }

    private static string Mutate(string sample, (int Position, int Kind, char C)[] edits)
    {
        var builder = new StringBuilder(sample);
        foreach (var (position, kind, c) in edits)
        {
            var at = Math.Min(position, Math.Max(builder.Length - 1, 0));
            switch (kind)
            {
                case 0 when builder.Length > 0:
                    builder.Remove(at, 1);
                    break;
                case 1:
                    builder.Insert(at, c);
                    break;
                default:
                    if (builder.Length > 0)
                    {
                        builder[at] = c;
                    }

                    break;
            }
        }

        return builder.ToString();
    }

    private static Gen<string> TextGen() =>
        Gen.Choose(0, 10).SelectMany(n => Gen.Elements("ab \"\\\n\t${}.#/=:,[]\u00e9\u0001\ud83d\ude00 \u00a0".ToCharArray()).ArrayOf(n))
            .Select(chars => new string(chars));

    private static Gen<string> NumberGen() =>
        from integer in Gen.Choose(-100_000, 100_000)
        from fraction in Gen.Choose(0, 999)
        from style in Gen.Choose(0, 3)
        select style switch
        {
            0 => integer.ToString(CultureInfo.InvariantCulture),
            1 => string.Create(CultureInfo.InvariantCulture, $"{integer}.{fraction}"),
            2 => string.Create(CultureInfo.InvariantCulture, $"{integer}e{fraction % 20}"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{integer}.5E-{fraction % 7}"),
        };

    private static Gen<HoconValue> ScalarGen() =>
        Gen.OneOf(
            TextGen().Select(s => (HoconValue)HoconScalar.String(s)),
            NumberGen().Select(s => (HoconValue)HoconScalar.Number(s)),
            Gen.Elements(true, false).Select(b => (HoconValue)HoconScalar.Boolean(b)),
            Gen.Constant((HoconValue)HoconScalar.Null));

    private static Gen<HoconValue> ValueGen(int depth) =>
        depth <= 0
            ? ScalarGen()
            : Gen.Frequency(
                (4, ScalarGen()),
                (1, Gen.Choose(0, 4).SelectMany(n => ValueGen(depth - 1).ArrayOf(n)).Select(items => (HoconValue)new HoconArray(items))),
                (1, ObjectGen(depth - 1).Select(o => (HoconValue)o)));

    private static Gen<HoconObject> ObjectGen(int depth)
    {
        var key = Gen.OneOf(TextGen(), Gen.Elements("a", "b", "include", "a.b", string.Empty, "x y", "1.5"));
        var field = from k in key
                    from v in ValueGen(depth)
                    select KeyValuePair.Create(k, v);
        return Gen.Choose(0, 5).SelectMany(n => field.ArrayOf(n)).Select(fields => new HoconObject(fields));
    }
}
