namespace ActorEcho.Compare.Running;

/// <summary>Builds what the matrix runs: actorecho, PlainEcho and RawEcho (Release) and the two C baselines (into a scratch directory).</summary>
internal static class Builder
{
    public static async Task BuildDotNetAsync(Repository repo, TextWriter log)
    {
        foreach (var project in new[] { "src/ActorEcho", "bench/ActorEcho.PlainEcho", "bench/ActorEcho.RawEcho" })
        {
            log.WriteLine($"building {project} (Release)");
            var (code, output) = await ProcessRunner.RunAsync("dotnet", ["build", project, "-c", "Release", "-nologo", "-v", "q"], repo.Root, TimeSpan.FromMinutes(10));
            if (code != 0)
            {
                throw new InvalidOperationException($"dotnet build {project} failed:\n{output}");
            }
        }
    }

    /// <summary>Compiles seed-pthread and seed-fork with the flags of the baselines' Makefile; returns the directory holding them.</summary>
    public static async Task<string> BuildBaselinesAsync(Repository repo, TextWriter log)
    {
        var dir = Directory.CreateTempSubdirectory("actorecho-baselines-").FullName;
        (string Name, string[] Flags)[] servers = [("seed-pthread", ["-pthread"]), ("seed-fork", [])];
        foreach (var (name, flags) in servers)
        {
            var source = Path.Combine(repo.Baselines, name, "server.c");
            log.WriteLine($"compiling {source}");
            var (code, output) = await ProcessRunner.RunAsync("gcc", ["-O2", "-Wall", .. flags, "-o", Path.Combine(dir, name), source], repo.Root, TimeSpan.FromMinutes(2));
            if (code != 0)
            {
                throw new InvalidOperationException($"gcc {source} failed:\n{output}");
            }
        }

        return dir;
    }
}
