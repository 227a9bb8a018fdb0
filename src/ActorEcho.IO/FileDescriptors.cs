using System.Runtime.InteropServices;

namespace ActorEcho.IO;

/// <summary>
/// The process's open-file limit (<c>RLIMIT_NOFILE</c>) and how much of it is in use: every connection costs a descriptor, so
/// these bound how many clients one process can hold. Linux only; elsewhere every value is unknown (null) and nothing changes.
/// </summary>
public static partial class FileDescriptors
{
    private const int RlimitNofile = 7; // Linux, every architecture .NET runs on

    /// <summary>The soft limit in force (the one that makes <c>accept</c> fail with EMFILE), or null if unknown.</summary>
    public static long? SoftLimit => OperatingSystem.IsLinux() && GetRLimit(RlimitNofile, out var limit) == 0 ? ToLong(limit.Current) : null;

    /// <summary>Descriptors open in this process now (entries of <c>/proc/self/fd</c>), or null if unknown.</summary>
    public static int? OpenCount
    {
        get
        {
            if (!OperatingSystem.IsLinux())
            {
                return null;
            }

            try
            {
                return Directory.EnumerateFileSystemEntries("/proc/self/fd").Count() - 1; // minus the one enumerating
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return null;
            }
        }
    }

    /// <summary>Raises the soft limit to the hard limit where allowed; returns the soft limit now in force, or null if unknown.</summary>
    public static long? RaiseSoftLimitToHard()
    {
        if (!OperatingSystem.IsLinux() || GetRLimit(RlimitNofile, out var limit) != 0)
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
