using System.Runtime.InteropServices;

namespace ActorEcho.Cli.Bench;

/// <summary>
/// The process's open-file limit (<c>RLIMIT_NOFILE</c>), which caps how many connections one client can hold. Linux only; elsewhere
/// the limit is reported as unknown and nothing is changed.
/// </summary>
internal static partial class FileDescriptorLimit
{
    private const int RlimitNofile = 7; // Linux, every architecture .NET runs on

    /// <summary>Raises the soft limit to the hard limit where allowed; returns the soft limit now in force, or null if unknown.</summary>
    public static long? RaiseToHardLimit()
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        if (GetRLimit(RlimitNofile, out var limit) != 0)
        {
            return null;
        }

        if (limit.Current < limit.Maximum)
        {
            var raised = limit with { Current = limit.Maximum };
            if (SetRLimit(RlimitNofile, in raised) == 0)
            {
                return ToLong(raised.Current);
            }
        }

        return ToLong(limit.Current);
    }

    private static long ToLong(ulong value) => value > long.MaxValue ? long.MaxValue : (long)value; // RLIM_INFINITY is all ones

    [LibraryImport("libc", EntryPoint = "getrlimit", SetLastError = true)]
    private static partial int GetRLimit(int resource, out RLimit limit);

    [LibraryImport("libc", EntryPoint = "setrlimit", SetLastError = true)]
    private static partial int SetRLimit(int resource, in RLimit limit);

    /// <summary>C's <c>struct rlimit</c> on 64-bit Linux: two 64-bit <c>rlim_t</c>.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private readonly record struct RLimit(ulong Current, ulong Maximum);
}
