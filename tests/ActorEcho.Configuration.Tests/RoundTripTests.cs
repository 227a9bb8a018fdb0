namespace ActorEcho.Configuration.Tests;

public class RoundTripTests
{
    [Fact]
    public void Render_SampleDocument_ParsesBackToEqualTree()
    {
        var original = Hocon.Parse(SampleDocuments.ActorEcho);

        var reparsed = Hocon.Parse(HoconRenderer.Render(original));

        Assert.Equal(original, reparsed);
    }

    [Fact]
    public void Render_AwkwardKeysAndStrings_RoundTrip()
    {
        var tree = new HoconObject(
        [
            new("a.b", HoconScalar.String("dotted key")),
            new(string.Empty, HoconScalar.String("empty key")),
            new("include", HoconScalar.String("include \"x\"")),
            new("ws key ", HoconScalar.String("  leading and trailing  ")),
            new("controls", HoconScalar.String("\u0001\u001f\r\n\t\\\"${x}")),
            new("unicode", HoconScalar.String("caf\u00e9 \ud83d\ude00 \u00a0")),
            new("nums", new HoconArray([HoconScalar.Number("-0.5e+3"), HoconScalar.Number("0"), HoconScalar.Boolean(true), HoconScalar.Null])),
            new("empty", new HoconObject([])),
            new("emptyArray", new HoconArray([])),
            new("nested", new HoconArray([new HoconArray([new HoconObject([new("x", HoconScalar.String("true"))])])])),
        ]);

        var reparsed = Hocon.Parse(HoconRenderer.Render(tree));

        Assert.Equal(tree, reparsed);
    }

    [Fact]
    public void Equals_DifferentScalarKinds_AreNotEqual()
    {
        Assert.NotEqual<HoconValue>(HoconScalar.String("1"), HoconScalar.Number("1"));
        Assert.NotEqual<HoconValue>(HoconScalar.String("null"), HoconScalar.Null);
    }
}
