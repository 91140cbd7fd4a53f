namespace Sn19.Benchmarks.Inference;

using System.Collections.Concurrent;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

/// <summary>Short in-process job (no per-benchmark rebuild on a busy 2-core machine) plus the throughput columns.</summary>
public sealed class EngineBenchmarkConfig : ManualConfig
{
    public EngineBenchmarkConfig()
    {
        AddJob(Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithStrategy(RunStrategy.Throughput)
            .WithWarmupCount(2)
            .WithIterationCount(5)
            .WithLaunchCount(1));
        AddColumn(new ThroughputColumn());
        AddColumn(new EfficiencyColumn());
    }

    /// <summary>Weight bytes one decode step reads, by "shape/type" (set in GlobalSetup, same process).</summary>
    internal static ConcurrentDictionary<string, long> WeightBytesPerToken { get; } = new();

    internal static long ProbeBytes { get; set; } = 512L << 20;
}
