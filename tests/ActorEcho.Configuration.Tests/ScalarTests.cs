namespace ActorEcho.Configuration.Tests;

public class ScalarTests
{
    [Theory]
    [InlineData("42")]
    [InlineData("-1.5")]
    [InlineData("0")]
    [InlineData("1e10")]
    [InlineData("1E-3")]
    [InlineData("1e+5")]
    public void Parse_JsonNumber_IsNumber(string literal)
    {
        var root = Hocon.Parse("a = " + literal);

        Assert.Equal(HoconValueKind.Number, root.Kind("a"));
        Assert.Equal(literal, root.Text("a"));
    }

    [Theory]
    [InlineData("007")]
    [InlineData("1.")]
    [InlineData("10s")]
    [InlineData("-")]
    public void Parse_NumberLikeText_IsString(string literal)
    {
        Assert.Equal(HoconValueKind.String, Hocon.Parse("a = " + literal).Kind("a"));
    }

    [Fact]
    public void Parse_TrueFalse_AreBooleansButYesNoOnOffAreStrings()
    {
        var root = Hocon.Parse("a = true\nb = false\nc = yes\nd = off\ne = \"true\"");

        Assert.Equal(HoconValueKind.Boolean, root.Kind("a"));
        Assert.Equal(HoconValueKind.Boolean, root.Kind("b"));
        Assert.Equal(HoconValueKind.String, root.Kind("c"));
        Assert.Equal(HoconValueKind.String, root.Kind("d"));
        Assert.Equal(HoconValueKind.String, root.Kind("e"));
    }

    [Fact]
    public void Parse_Null_IsNullKind()
    {
        var root = Hocon.Parse("a = null\nb = \"null\"");

        Assert.Equal(HoconValueKind.Null, root.Kind("a"));
        Assert.Equal(HoconValueKind.String, root.Kind("b"));
    }

    [Fact]
    public void Number_InvalidLiteral_IsRejected()
    {
        Assert.Throws<ArgumentException>(() => HoconScalar.Number("1.2.3"));
    }
}
