using System.Globalization;
using ActorEcho.Compare.Model;

namespace ActorEcho.Compare.Running;

/// <summary>How to start one server on a given port.</summary>
internal sealed record ServerLaunch(string Name, string FileName, Func<int, IReadOnlyList<string>> Arguments)
{
    public static ServerLaunch For(string name, Repository repo, string baselinesDir) => name switch
    {
        ServerKind.ActorEchoName => new(name, "dotnet", p => [repo.ActorEchoDll, "serve", "--port", Port(p)]),
        ServerKind.PlainDotNetName => new(name, "dotnet", p => [repo.PlainEchoDll, Port(p)]),
        ServerKind.RawDotNetName => new(name, "dotnet", p => [repo.RawEchoDll, Port(p)]),
        ServerKind.ThreadName or ServerKind.ForkName => new(name, Path.Combine(baselinesDir, name), p => [Port(p)]),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown server"),
    };

    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);
}
