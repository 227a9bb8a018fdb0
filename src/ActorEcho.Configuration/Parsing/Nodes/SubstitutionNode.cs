namespace ActorEcho.Configuration.Parsing.Nodes;

/// <summary>A <c>${path}</c> or <c>${?path}</c> reference, looked up against the document root.</summary>
internal sealed class SubstitutionNode : Node
{
    public SubstitutionNode(HoconPath path, bool optional, HoconPosition position, string text)
        : base(position)
    {
        Path = path;
        Optional = optional;
        Text = text;
    }

    /// <summary>Gets the absolute path to look up first.</summary>
    public HoconPath Path { get; init; }

    /// <summary>Gets the path as written, tried second when an include placed the file under a prefix.</summary>
    public HoconPath? Fallback { get; init; }

    public bool Optional { get; }

    /// <summary>Gets the source text, e.g. <c>${a.b}</c>, for messages.</summary>
    public string Text { get; }

    /// <summary>Gets a value indicating whether only the environment is consulted (self-reference with no earlier value).</summary>
    public bool EnvironmentOnly { get; init; }

    /// <summary>Gets the path shown in messages and used for the environment variable name.</summary>
    public HoconPath DisplayPath => Fallback ?? Path;
}
