using System.Globalization;
using System.Runtime.InteropServices;

namespace ActorEcho.Compare.Report;

/// <summary>The machine a run was measured on, as the report states it.</summary>
internal sealed record MachineInfo(int Cores, string CpuModel, string Kernel, string Runtime, double MemoryGiB)
{
    public static MachineInfo Detect() => new(
        Environment.ProcessorCount,
        ProcField("/proc/cpuinfo", "model name") ?? "unknown CPU",
        ReadTrimmed("/proc/sys/kernel/osrelease") ?? RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        ProcField("/proc/meminfo", "MemTotal") is { } mem && double.TryParse(mem.Split(' ')[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var kib) ? kib / (1024 * 1024) : 0);

    public string Describe() =>
        string.Create(CultureInfo.InvariantCulture, $"{Cores} cores ({CpuModel}), {MemoryGiB:0} GiB, Linux {Kernel}, {Runtime}");

    private static string? ProcField(string path, string key)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        return File.ReadLines(path)
            .Where(l => l.StartsWith(key, StringComparison.Ordinal) && l.Contains(':', StringComparison.Ordinal))
            .Select(l => l[(l.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim())
            .FirstOrDefault();
    }

    private static string? ReadTrimmed(string path) => File.Exists(path) ? File.ReadAllText(path).Trim() : null;
}
