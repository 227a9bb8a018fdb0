using System.Globalization;

namespace ActorEcho.Cli.Bench;

/// <summary>One look at the server process: resident memory, threads and open descriptors (Linux <c>/proc/PID</c>).</summary>
/// <param name="RssBytes">Resident memory (<c>VmRSS</c>) of the process and its descendants, bytes.</param>
/// <param name="Threads">Threads of the process (<c>Threads</c>): a thread blocked per connection would show here.</param>
/// <param name="OpenDescriptors">Entries of <c>/proc/PID/fd</c>: one per open connection, so it returns to its start when they are released.</param>
internal sealed record ServerSample(long RssBytes, int Threads, int OpenDescriptors)
{
    /// <summary>Reads <paramref name="pid"/> now; null if it exited or cannot be read.</summary>
    public static ServerSample? Read(int pid)
    {
        try
        {
            var threads = ParseThreads(File.ReadAllText($"/proc/{pid}/status"));
            var descriptors = Directory.EnumerateFileSystemEntries($"/proc/{pid}/fd").Count();
            return threads is { } count ? new ServerSample(ServerMemory.ResidentBytes(pid), count, descriptors) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null; // exited meanwhile
        }
    }

    /// <summary>The <c>Threads:</c> figure of a <c>/proc/PID/status</c> text, or null when absent or malformed.</summary>
    public static int? ParseThreads(string status)
    {
        foreach (var line in status.AsSpan().EnumerateLines())
        {
            if (line.StartsWith("Threads:", StringComparison.Ordinal)
                && int.TryParse(line["Threads:".Length..].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var threads))
            {
                return threads;
            }
        }

        return null;
    }

    /// <summary>The larger of each figure.</summary>
    public ServerSample Max(ServerSample other) =>
        new(Math.Max(RssBytes, other.RssBytes), Math.Max(Threads, other.Threads), Math.Max(OpenDescriptors, other.OpenDescriptors));
}
