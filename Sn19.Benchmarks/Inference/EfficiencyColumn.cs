namespace Sn19.Benchmarks.Inference;

using System.Globalization;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

/// <summary>
/// Decode's memory-bandwidth efficiency: weight bytes per token × tokens/s ÷ the read bandwidth of the
/// ReadBandwidth baseline of the same parameter set in the same run. Prefill: its per-token speed-up over decode.
/// </summary>
internal sealed class EfficiencyColumn() : MeanDerivedColumn(
    "sn19-efficiency",
    "Efficiency",
    "Decode: bandwidth efficiency (≥ 0.8 is the target); Prefill256: speed-up per token over decode (≥ 8x)",
    priority: 1)
{
    protected override string Value(Summary summary, BenchmarkCase benchmarkCase)
    {
        var method = benchmarkCase.Descriptor.WorkloadMethod.Name;
        var own = MeanSeconds(summary, benchmarkCase);
        var decode = Sibling(summary, benchmarkCase, "Decode");
        var inv = CultureInfo.InvariantCulture;
        if (own is null || decode is null)
        {
            return "-";
        }

        if (method == "Prefill256")
        {
            return string.Create(inv, $"{decode.Value / (own.Value / 256):F1}x");
        }

        var bandwidth = Sibling(summary, benchmarkCase, "ReadBandwidth");
        var key = $"{benchmarkCase.Parameters["Shape"]}/{benchmarkCase.Parameters["Type"]}";
        if (method != "Decode" || bandwidth is null || !EngineBenchmarkConfig.WeightBytesPerToken.TryGetValue(key, out var bytes))
        {
            return "-";
        }

        var streamed = bytes / decode.Value;
        var read = EngineBenchmarkConfig.ProbeBytes / bandwidth.Value;
        return string.Create(inv, $"{streamed / read:F2}");
    }

    private static double? Sibling(Summary summary, BenchmarkCase benchmarkCase, string method)
    {
        var sibling = summary.BenchmarksCases.FirstOrDefault(c =>
            c.Descriptor.WorkloadMethod.Name == method && c.Parameters.DisplayInfo == benchmarkCase.Parameters.DisplayInfo);
        return sibling is null ? null : MeanSeconds(summary, sibling);
    }
}
