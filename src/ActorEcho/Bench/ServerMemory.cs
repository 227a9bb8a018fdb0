using System.Globalization;

namespace ActorEcho.Cli.Bench;

/// <summary>
/// Resident memory of a server process and all its descendants (a fork-per-connection server's children count), summed from the
/// <c>VmRSS</c> lines of <c>/proc/PID/status</c>. Linux only.
/// </summary>
internal static class ServerMemory
{
    /// <summary>Whether <paramref name="pid"/> names a running process whose memory can be read.</summary>
    public static bool CanRead(int pid) => OperatingSystem.IsLinux() && File.Exists($"/proc/{pid}/status");

    /// <summary>Bytes resident in <paramref name="pid"/> and its descendants; processes that exit while being read are skipped.</summary>
    public static long ResidentBytes(int pid)
    {
        long total = 0;
        foreach (var process in WithDescendants(pid))
        {
            total += ReadVmRssKiB(process) * 1024;
        }

        return total;
    }

    private static List<int> WithDescendants(int root)
    {
        var children = new Dictionary<int, List<int>>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && TryReadParent(pid, out var parent))
            {
                if (!children.TryGetValue(parent, out var list))
                {
                    children[parent] = list = [];
                }

                list.Add(pid);
            }
        }

        var result = new List<int> { root };
        for (var i = 0; i < result.Count; i++)
        {
            if (children.TryGetValue(result[i], out var list))
            {
                result.AddRange(list);
            }
        }

        return result;
    }

    private static bool TryReadParent(int pid, out int parent)
    {
        parent = 0;
        try
        {
            // /proc/PID/stat: "pid (comm) state ppid ...": comm may hold spaces and parentheses, so parse after the last ')'.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return fields.Length > 1 && int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out parent);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false; // exited meanwhile
        }
    }

    private static long ReadVmRssKiB(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    var value = line["VmRSS:".Length..].Trim().Split(' ')[0];
                    return long.Parse(value, NumberStyles.None, CultureInfo.InvariantCulture);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // exited meanwhile
        }

        return 0;
    }
}
