namespace Sn19.Benchmarks.Inference;

using System.Globalization;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

/// <summary>tok/s for Decode (1 token per op) and Prefill256 (256 per op); GB/s for ReadBandwidth.</summary>
internal sealed class ThroughputColumn() : MeanDerivedColumn(
    "sn19-throughput", "Throughput", "Decode and Prefill256: tokens per second; ReadBandwidth: GB/s")
{
    protected override string Value(Summary summary, BenchmarkCase benchmarkCase)
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
}
