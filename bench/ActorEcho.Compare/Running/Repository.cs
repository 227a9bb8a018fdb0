namespace ActorEcho.Compare.Running;

/// <summary>Paths in the repository the tool runs from, found by walking up to <c>ActorEcho.sln</c>.</summary>
internal sealed record Repository(string Root)
{
    public string ActorEchoDll => Path.Combine(Root, "src/ActorEcho/bin/Release/net10.0/actorecho.dll");

    public string PlainEchoDll => Path.Combine(Root, "bench/ActorEcho.PlainEcho/bin/Release/net10.0/PlainEcho.dll");

    public string RawEchoDll => Path.Combine(Root, "bench/ActorEcho.RawEcho/bin/Release/net10.0/RawEcho.dll");

    /// <summary>
    /// The C baselines (read-only: they are compiled elsewhere): <c>$ACTORECHO_BASELINES</c> if set, else the first
    /// <c>shared/baselines</c> beside the repository or beside one of its parents (a git worktree sits deeper than the checkout).
    /// </summary>
    public string Baselines =>
        Environment.GetEnvironmentVariable("ACTORECHO_BASELINES") is { Length: > 0 } set
            ? Path.GetFullPath(set)
            : Ancestors(Directory.GetParent(Root)).Select(d => Path.Combine(d.FullName, "shared/baselines")).FirstOrDefault(Directory.Exists)
              ?? Path.GetFullPath(Path.Combine(Root, "../shared/baselines"));

    public string PerformanceDoc => Path.Combine(Root, "docs/performance.md");

    public string ChartsDir => Path.Combine(Root, "docs/charts");

    public string ResultsDir => Path.Combine(Root, "bench/results");

    public static Repository? Find(params string[] starts)
    {
        foreach (var start in starts)
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "ActorEcho.sln")))
                {
                    return new Repository(dir.FullName);
                }
            }
        }

        return null;
    }

    private static IEnumerable<DirectoryInfo> Ancestors(DirectoryInfo? dir)
    {
        for (; dir is not null; dir = dir.Parent)
        {
            yield return dir;
        }
    }

    public string Relative(string path) => Path.GetRelativePath(Root, path);
}
