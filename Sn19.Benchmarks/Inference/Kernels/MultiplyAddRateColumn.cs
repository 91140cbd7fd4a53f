namespace Sn19.Benchmarks.Inference.Kernels;

using System.Globalization;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Sn19.Benchmarks.Inference;

/// <summary>Multiply-adds per second of one operation of <see cref="TileKernelBenchmarks"/>.</summary>
internal sealed class MultiplyAddRateColumn() : MeanDerivedColumn(
    "sn19-mac-rate",
    "MAC/s",
    "Multiply-adds per second on one core (Tiles: 37.7 M per operation; DecodeRows: 0.59 M, which is 0.63 MB of Q8_0 or 2.4 MB of F32 weights)")
{
    protected override string Value(Summary summary, BenchmarkCase benchmarkCase)
    {
        var seconds = MeanSeconds(summary, benchmarkCase);
        return seconds is null ? "-" : string.Create(CultureInfo.InvariantCulture, $"{MultiplyAdds(benchmarkCase) / seconds.Value / 1e9:F1} G");
    }

    private static long MultiplyAdds(BenchmarkCase benchmarkCase) =>
        benchmarkCase.Descriptor.WorkloadMethod.Name == nameof(TileKernelBenchmarks.DecodeRows)
            ? TileKernelBenchmarks.DecodeMultiplyAdds
            : TileKernelBenchmarks.MultiplyAdds;
}
