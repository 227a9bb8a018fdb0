namespace ActorEcho.Cli.Bench;

/// <summary>Where <c>actorecho bench</c> writes: results and progress to <see cref="Out"/>, one-line errors to <see cref="Error"/>.</summary>
/// <param name="Out">Progress lines (when not interactive) and the summary.</param>
/// <param name="Error">Usage errors, one <c>actorecho: …</c> line each.</param>
/// <param name="Interactive">Whether to draw a live status line (Spectre.Console) instead of printing progress lines.</param>
internal sealed record BenchConsole(TextWriter Out, TextWriter Error, bool Interactive)
{
    /// <summary>The process's console: live status line only when stdout is a terminal.</summary>
    public static BenchConsole System => new(Console.Out, Console.Error, !Console.IsOutputRedirected);

    /// <summary>Writes <c>actorecho: MESSAGE</c> as one line.</summary>
    public void WriteError(string message)
    {
        Error.WriteLine(ProgramOutput.ErrorPrefix + message.ReplaceLineEndings(" ").Trim());
        Error.Flush();
    }
}
