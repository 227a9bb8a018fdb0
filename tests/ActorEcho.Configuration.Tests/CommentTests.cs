namespace ActorEcho.Configuration.Tests;

public class CommentTests
{
    [Fact]
    public void Comments_HashAndDoubleSlash_AreIgnoredEverywhere()
    {
        var root = Hocon.Parse("""
            # leading comment
            a = 1 # after value
            // slash comment
            b { // after brace
              c = [ 1, # inside array
                2 ] // after array
            }
            """);

        Assert.Equal("1", root.Text("a"));
        Assert.Equal(["1", "2"], root.Texts("b.c"));
        Assert.Equal(["a", "b"], root.Keys);
    }

    [Fact]
    public void Comment_AtEndOfInputWithoutNewline_IsIgnored()
    {
        Assert.Equal("1", Hocon.Parse("a = 1 // end").Text("a"));
    }
}
