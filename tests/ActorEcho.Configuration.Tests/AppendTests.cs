namespace ActorEcho.Configuration.Tests;

public class AppendTests
{
    [Fact]
    public void PlusEquals_MissingKey_CreatesArray()
    {
        Assert.Equal(["x"], Hocon.Parse("a += x").Texts("a"));
    }

    [Fact]
    public void PlusEquals_ExistingArray_AppendsInOrder()
    {
        var root = Hocon.Parse("a = [1]\na += 2\na += [3]");

        var items = Assert.IsType<HoconArray>(root.Get("a")).Items;
        Assert.Equal(3, items.Count);
        Assert.Equal("2", ((HoconScalar)items[1]).Text);
        Assert.Equal(HoconValueKind.Array, items[2].Kind);
    }

    [Fact]
    public void PlusEquals_InsideNestedObjectAndPathKey_Appends()
    {
        var root = Hocon.Parse("x { list = [a] }\nx { list += b }\nx.list += c");

        Assert.Equal(["a", "b", "c"], root.Texts("x.list"));
    }

    [Fact]
    public void PlusEquals_IsSameAsOptionalSelfReference()
    {
        var sugar = Hocon.Parse("a = [1]\na += 2");
        var spelled = Hocon.Parse("a = [1]\na = ${?a} [2]");

        Assert.Equal(spelled, sugar);
    }

    [Fact]
    public void PlusEquals_OnScalar_IsError()
    {
        var error = Hocon.Error("a = 1\na += 2");

        Assert.Contains("cannot concatenate", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PlusEquals_ObjectValue_AppendsObject()
    {
        var root = Hocon.Parse("a += { x = 1 }");

        Assert.Equal("1", ((HoconScalar)((HoconObject)((HoconArray)root.Get("a")).Items[0]).Get("x")).Text);
    }
}
