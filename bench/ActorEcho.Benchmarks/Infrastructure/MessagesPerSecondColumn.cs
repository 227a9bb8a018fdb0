using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace ActorEcho.Benchmarks.Infrastructure;

/// <summary>Operations per second from the mean time per operation (benchmarks set OperationsPerInvoke to their message count).</summary>
public sealed class MessagesPerSecondColumn : IColumn
{
    public string Id => nameof(MessagesPerSecondColumn);

    public string ColumnName => "Ops/s";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Operations (messages, actors) per second, from the mean";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var report = summary[benchmarkCase];
        var mean = report?.ResultStatistics?.Mean;
        return mean is > 0 ? (1e9 / mean.Value).ToString("N0", System.Globalization.CultureInfo.InvariantCulture) : "-";
    }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
