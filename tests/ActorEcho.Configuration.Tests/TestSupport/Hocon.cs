namespace ActorEcho.Configuration.Tests;

/// <summary>Short helpers so conformance tests read like the spec examples.</summary>
internal static class Hocon
{
    /// <summary>Parses without touching the file system or the process environment.</summary>
    public static HoconObject Parse(string text, Func<string, string?>? environment = null) =>
        HoconParser.Parse(text, HoconParser.StringSourceName, null, null, environment ?? (_ => null));

    public static HoconParseException Error(string text, string source = "<string>") =>
        Assert.Throws<HoconParseException>(() => HoconParser.Parse(text, source, null, null, _ => null));

    public static HoconValue Get(this HoconObject root, string path) =>
        root.Find(path) ?? throw new Xunit.Sdk.XunitException($"path '{path}' not found in:\n{HoconRenderer.Render(root)}");

    public static string Text(this HoconObject root, string path) => Assert.IsType<HoconScalar>(root.Get(path)).Text;

    public static string[] Texts(this HoconObject root, string path) =>
        [.. Assert.IsType<HoconArray>(root.Get(path)).Items.Select(i => Assert.IsType<HoconScalar>(i).Text)];

    public static HoconValueKind Kind(this HoconObject root, string path) => root.Get(path).Kind;
}
