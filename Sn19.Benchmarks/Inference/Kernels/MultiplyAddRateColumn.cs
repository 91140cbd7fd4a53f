namespace Sn19.Benchmarks.Inference.Kernels;

using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Sn19.Benchmarks.Inference;

/// <summary>Multiply-adds per second of one operation of <see cref="TileKernelBenchmarks"/>.</summary>
internal sealed class MultiplyAddRateColumn : IColumn
{
    public string Id => "sn19-mac-rate";

    public string ColumnName => "MAC/s";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Multiply-adds per second on one core (Tiles: 37.7 M per operation; DecodeRows: 0.59 M, which is 0.63 MB of Q8_0 or 2.4 MB of F32 weights)";

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var seconds = ThroughputColumn.MeanSeconds(summary, benchmarkCase);
        return seconds is null ? "-" : string.Create(CultureInfo.InvariantCulture, $"{MultiplyAdds(benchmarkCase) / seconds.Value / 1e9:F1} G");
    }

    private static long MultiplyAdds(BenchmarkCase benchmarkCase) =>
        benchmarkCase.Descriptor.WorkloadMethod.Name == nameof(TileKernelBenchmarks.DecodeRows)
            ? TileKernelBenchmarks.DecodeMultiplyAdds
            : TileKernelBenchmarks.MultiplyAdds;
}
