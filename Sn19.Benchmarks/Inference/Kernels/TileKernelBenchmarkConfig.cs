namespace Sn19.Benchmarks.Inference.Kernels;

using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

/// <summary>In-process (no rebuild per case) with the multiply-add rate column.</summary>
public sealed class TileKernelBenchmarkConfig : ManualConfig
{
    public TileKernelBenchmarkConfig()
    {
        AddJob(Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithStrategy(RunStrategy.Throughput)
            .WithWarmupCount(3)
            .WithIterationCount(10)
            .WithLaunchCount(1));
        AddColumn(new MultiplyAddRateColumn());
    }
}
