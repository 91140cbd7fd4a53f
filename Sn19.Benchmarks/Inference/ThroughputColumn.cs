namespace Sn19.Benchmarks.Inference;

using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

/// <summary>tok/s for Decode (1 token per op) and Prefill256 (256 per op); GB/s for ReadBandwidth.</summary>
internal sealed class ThroughputColumn : IColumn
{
    public string Id => "sn19-throughput";

    public string ColumnName => "Throughput";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Decode and Prefill256: tokens per second; ReadBandwidth: GB/s";

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var seconds = MeanSeconds(summary, benchmarkCase);
        if (seconds is null)
        {
            return "-";
        }

        var inv = CultureInfo.InvariantCulture;
        return benchmarkCase.Descriptor.WorkloadMethod.Name switch
        {
            "Decode" => string.Create(inv, $"{1 / seconds.Value:F1} tok/s"),
            "Prefill256" => string.Create(inv, $"{256 / seconds.Value:F1} tok/s"),
            _ => string.Create(inv, $"{EngineBenchmarkConfig.ProbeBytes / seconds.Value / 1e9:F1} GB/s"),
        };
    }

    internal static double? MeanSeconds(Summary summary, BenchmarkCase benchmarkCase)
    {
        var report = summary[benchmarkCase];
        return report?.ResultStatistics is { } stats ? stats.Mean / 1e9 : null;
    }
}
