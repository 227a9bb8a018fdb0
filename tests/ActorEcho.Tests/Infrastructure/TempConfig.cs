namespace ActorEcho.Tests.Infrastructure;

/// <summary>A HOCON file for <c>--config</c> in the temp directory, deleted on dispose.</summary>
internal sealed class TempConfig : IDisposable
{
    private TempConfig(string path) => Path = path;

    /// <summary>The file's full path.</summary>
    public string Path { get; }

    /// <summary>Writes <paramref name="hocon"/> to a new uniquely named file.</summary>
    public static TempConfig Create(string hocon)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"actorecho-test-{Guid.NewGuid():N}.conf");
        File.WriteAllText(path, hocon);
        return new TempConfig(path);
    }

    /// <inheritdoc />
    public void Dispose() => File.Delete(Path);
}
