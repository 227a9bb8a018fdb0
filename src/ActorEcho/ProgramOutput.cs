using System.Net;

namespace ActorEcho.Cli;

/// <summary>
/// The program's only direct console output: the one <c>Listening on HOST:PORT</c> line on stdout, and one-line user errors on stderr.
/// Everything else (logs) goes through Microsoft.Extensions.Logging's console provider, which writes to stderr.
/// </summary>
internal static class ProgramOutput
{
    /// <summary>Prefix of every user error line.</summary>
    public const string ErrorPrefix = "actorecho: ";

    /// <summary>Writes <c>Listening on HOST:PORT</c> (IPv6 as <c>[::1]:PORT</c>) to stdout and flushes it.</summary>
    public static void Listening(EndPoint address)
    {
        Console.Out.WriteLine("Listening on " + Format(address));
        Console.Out.Flush();
    }

    /// <summary>Writes <c>actorecho: MESSAGE</c> to stderr as a single line.</summary>
    public static void Error(string message)
    {
        Console.Error.WriteLine(ErrorPrefix + OneLine(message));
        Console.Error.Flush();
    }

    /// <summary><c>HOST:PORT</c>, with IPv6 hosts in brackets.</summary>
    public static string Format(EndPoint address) => address switch
    {
        IPEndPoint ip => ip.ToString(), // "127.0.0.1:7000", "[::1]:7000"
        _ => address.ToString() ?? string.Empty,
    };

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();
}
