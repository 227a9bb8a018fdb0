namespace ActorEcho.Configuration.Tests;

public class SubstitutionTests
{
    [Fact]
    public void Substitution_Scalar_ResolvesAgainstRootAndKeepsType()
    {
        var root = Hocon.Parse("a.b = 5\nc { d = ${a.b} }");

        Assert.Equal("5", root.Text("c.d"));
        Assert.Equal(HoconValueKind.Number, root.Kind("c.d"));
    }

    [Fact]
    public void Substitution_LaterDefinition_UsesFinalValue()
    {
        var root = Hocon.Parse("c = ${a}\na = 1\na = 2");

        Assert.Equal("2", root.Text("c"));
    }

    [Fact]
    public void Substitution_Object_CopiesWholeTree()
    {
        var root = Hocon.Parse("defaults { x = 1, y { z = 2 } }\ncopy = ${defaults}");

        Assert.Equal(root.Get("defaults"), root.Get("copy"));
    }

    [Fact]
    public void Substitution_SiblingInsideSameObject_ResolvesOnlyThatField()
    {
        var root = Hocon.Parse("bar { foo = 42, baz = ${bar.foo} }");

        Assert.Equal("42", root.Text("bar.baz"));
    }

    [Fact]
    public void Substitution_LaterOverrideOfReferencedField_IsSeen()
    {
        var root = Hocon.Parse("bar { foo = 42, baz = ${bar.foo} }\nbar { foo = 43 }");

        Assert.Equal("43", root.Text("bar.baz"));
    }

    [Fact]
    public void Substitution_InsideStringConcatenation_JoinsText()
    {
        var root = Hocon.Parse("name = world\ngreeting = hello ${name}\"!\"\nquoted = \"a \"${name}\" b\"");

        Assert.Equal("hello world!", root.Text("greeting"));
        Assert.Equal("a world b", root.Text("quoted"));
    }

    [Fact]
    public void Substitution_QuotedPathSegment_KeepsDot()
    {
        var root = Hocon.Parse("\"a.b\" { c = 1 }\nx = ${\"a.b\".c}");

        Assert.Equal("1", root.Text("x"));
    }

    [Fact]
    public void Substitution_OfObjectOverEarlierObject_Merges()
    {
        var root = Hocon.Parse("b { y = 2 }\na { x = 1 }\na = ${b}");

        Assert.Equal("1", root.Text("a.x"));
        Assert.Equal("2", root.Text("a.y"));
    }

    [Fact]
    public void OptionalSubstitution_Missing_LeavesFieldUnset()
    {
        var root = Hocon.Parse("a = ${?nope.nothing}\nb = 1");

        Assert.Null(root.Find("a"));
        Assert.Equal(["b"], root.Keys);
    }

    [Fact]
    public void OptionalSubstitution_Missing_KeepsEarlierValue()
    {
        var root = Hocon.Parse("a = 10\na = ${?nope.nothing}");

        Assert.Equal("10", root.Text("a"));
    }

    [Fact]
    public void OptionalSubstitution_MissingInArray_DropsElement()
    {
        Assert.Equal(["1", "2"], Hocon.Parse("a = [1, ${?missing}, 2]").Texts("a"));
    }

    [Fact]
    public void RequiredSubstitution_Missing_ReportsPositionOfDollar()
    {
        var error = Hocon.Error("a = 1\nb  =  ${x.y}");

        Assert.Equal("<string>:2:7: unresolved substitution ${x.y}", error.Message);
        Assert.Equal(2, error.Line);
        Assert.Equal(7, error.Column);
    }

    [Fact]
    public void Substitution_MissingInConfig_FallsBackToEnvironmentVariable()
    {
        var name = "ACTORECHO_HOCON_TEST_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(name, "from-env");
        try
        {
            var root = HoconParser.Parse($"a = ${{{name}}}\nb = ${{?{name}}}\nc = x-${{{name}}}");

            Assert.Equal("from-env", root.Text("a"));
            Assert.Equal("from-env", root.Text("b"));
            Assert.Equal("x-from-env", root.Text("c"));
        }
        finally
        {
            Environment.SetEnvironmentVariable(name, null);
        }
    }

    [Fact]
    public void Substitution_PresentInConfig_WinsOverEnvironmentVariable()
    {
        var name = "ACTORECHO_HOCON_TEST_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(name, "from-env");
        try
        {
            var root = HoconParser.Parse($"{name} = from-config\na = ${{{name}}}");

            Assert.Equal("from-config", root.Text("a"));
        }
        finally
        {
            Environment.SetEnvironmentVariable(name, null);
        }
    }

    [Fact]
    public void OptionalSubstitution_MissingInConfigAndEnvironment_IsUnset()
    {
        var name = "ACTORECHO_HOCON_TEST_" + Guid.NewGuid().ToString("N");

        var root = HoconParser.Parse($"port = 80\nport = ${{?{name}}}");

        Assert.Equal("80", root.Text("port"));
    }

    [Fact]
    public void SelfReference_Array_AppendsToPreviousValue()
    {
        var root = Hocon.Parse("path = [a]\npath = ${path} [b]\npath = ${path} [c]");

        Assert.Equal(["a", "b", "c"], root.Texts("path"));
    }

    [Fact]
    public void SelfReference_String_ExtendsPreviousValue()
    {
        var root = Hocon.Parse("s = foo\ns = ${s}bar\ns = ${s}\" baz\"");

        Assert.Equal("foobar baz", root.Text("s"));
    }

    [Fact]
    public void SelfReference_Object_MergesWithPreviousValue()
    {
        var root = Hocon.Parse("a = { x = 1 }\na = ${a} { y = 2 }");

        Assert.Equal("1", root.Text("a.x"));
        Assert.Equal("2", root.Text("a.y"));
    }

    [Fact]
    public void SelfReference_OptionalWithoutPreviousValue_IsEmpty()
    {
        Assert.Equal(["1"], Hocon.Parse("a = ${?a} [1]").Texts("a"));
    }

    [Fact]
    public void SelfReference_RequiredWithoutPreviousValue_IsUnresolved()
    {
        Assert.Equal("<string>:1:5: unresolved substitution ${a}", Hocon.Error("a = ${a}").Message);
    }

    [Fact]
    public void SelfReference_ToPathInsideField_LooksBackward()
    {
        // foo.a is inside foo, so it refers to the earlier { c : 1 }, not to the later a = 2.
        var root = Hocon.Parse("foo { a { c = 1 } }\nfoo = ${foo.a}\nfoo { a = 2 }");

        Assert.Equal("1", root.Text("foo.c"));
        Assert.Equal("2", root.Text("foo.a"));
    }

    [Fact]
    public void SelfReference_PreviousValueIsItselfSubstitution_ResolvesThroughIt()
    {
        var root = Hocon.Parse("b = [1]\na = ${b}\na = ${a} [2]");

        Assert.Equal(["1", "2"], root.Texts("a"));
    }

    [Fact]
    public void SelfReference_InsideNestedObjectLiteral_LooksAtEarlierFieldInSameLiteral()
    {
        var root = Hocon.Parse("x { list = [1], list = ${x.list} [2] }");

        Assert.Equal(["1", "2"], root.Texts("x.list"));
    }

    [Fact]
    public void Cycle_TwoKeys_ReportsChainAtClosingSubstitution()
    {
        var error = Hocon.Error("a = ${b}\nb = ${a}");

        Assert.Equal("<string>:2:5: substitution cycle: ${a} -> ${b} -> ${a}", error.Message);
    }

    [Fact]
    public void Cycle_ThreeKeys_ReportsWholeChain()
    {
        var error = Hocon.Error("a = ${b}\nb = ${c}\nc = ${a}");

        Assert.Equal("<string>:3:5: substitution cycle: ${a} -> ${b} -> ${c} -> ${a}", error.Message);
    }

    [Fact]
    public void Cycle_ObjectReferencingItself_IsError()
    {
        var error = Hocon.Error("a { b = ${a} }");

        Assert.StartsWith("<string>:1:9: substitution cycle: ${a}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Substitution_ExponentialSelfReference_IsReportedQuickly()
    {
        var text = "a = xxxxxxxxxxxxxxxx\n" + string.Concat(Enumerable.Repeat("a = ${a}${a}\n", 64));

        var error = Hocon.Error(text);

        Assert.Contains("expands too much", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Substitution_VeryLongChain_ParsesOrReportsWithoutCrashing()
    {
        var text = string.Concat(Enumerable.Range(0, 50_000).Select(i => $"k{i} = ${{k{i + 1}}}\n")) + "k50000 = end";

        var exception = Record.Exception(() => Hocon.Parse(text));

        if (exception is null)
        {
            Assert.Equal("end", Hocon.Parse(text).Text("k0"));
        }
        else
        {
            Assert.IsType<HoconParseException>(exception);
        }
    }
}
