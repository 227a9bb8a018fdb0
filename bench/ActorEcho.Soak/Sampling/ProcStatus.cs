using System.Globalization;

namespace ActorEcho.Soak.Sampling;

/// <summary>Reads a Linux process's resident memory, thread count and open descriptors from <c>/proc/PID</c>.</summary>
internal static class ProcStatus
{
    /// <summary>
    /// <c>VmRSS</c> (in bytes) and <c>Threads</c> from the text of <c>/proc/PID/status</c>; throws <see cref="FormatException"/> when
    /// either line is missing or malformed.
    /// </summary>
    public static (long RssBytes, int Threads) Parse(string status)
    {
        ArgumentNullException.ThrowIfNull(status);
        long? rss = null;
        int? threads = null;
        foreach (var raw in status.Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                // "VmRSS:	  123456 kB"
                var parts = line["VmRSS:".Length..].Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length != 2 || parts[1] != "kB" || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var kb))
                {
                    throw new FormatException($"unexpected VmRSS line: '{line}'");
                }

                rss = kb * 1024;
            }
            else if (line.StartsWith("Threads:", StringComparison.Ordinal))
            {
                threads = int.TryParse(line["Threads:".Length..].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var t)
                    ? t
                    : throw new FormatException($"unexpected Threads line: '{line}'");
            }
        }

        return (rss ?? throw new FormatException("no VmRSS line"), threads ?? throw new FormatException("no Threads line"));
    }

    /// <summary>Samples process <paramref name="pid"/> now.</summary>
    public static (long RssBytes, int Threads, int OpenDescriptors) Read(int pid)
    {
        var (rss, threads) = Parse(File.ReadAllText($"/proc/{pid}/status"));
        return (rss, threads, Directory.GetFileSystemEntries($"/proc/{pid}/fd").Length);
    }
}
