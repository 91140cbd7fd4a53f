namespace Sn19.Benchmarks.Inference;

using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

/// <summary>
/// A custom summary column whose value is computed from benchmark means (throughput, efficiency,
/// multiply-add rate): the <see cref="IColumn"/> plumbing they all share, so each column states only its
/// name, legend and value.
/// </summary>
internal abstract class MeanDerivedColumn(string id, string columnName, string legend, int priority = 0) : IColumn
{
    public string Id => id;

    public string ColumnName => columnName;

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => priority;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => legend;

    /// <summary>The mean time of one operation of <paramref name="benchmarkCase"/> in seconds, if it ran.</summary>
    public static double? MeanSeconds(Summary summary, BenchmarkCase benchmarkCase)
    {
        var report = summary[benchmarkCase];
        return report?.ResultStatistics is { } stats ? stats.Mean / 1e9 : null;
    }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => Value(summary, benchmarkCase);

    /// <summary>The cell for <paramref name="benchmarkCase"/>, or "-" where it has none.</summary>
    protected abstract string Value(Summary summary, BenchmarkCase benchmarkCase);
}
