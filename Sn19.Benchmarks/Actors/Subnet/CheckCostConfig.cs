namespace Sn19.Benchmarks.Actors.Subnet;

using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

/// <summary>
/// One short in-process job (no per-benchmark rebuild on a busy 2-core machine): each operation takes
/// seconds, so one invocation per iteration (Monitoring), one warm-up and five measured iterations.
/// </summary>
public sealed class CheckCostConfig : ManualConfig
{
    public CheckCostConfig() => AddJob(Job.Default
        .WithToolchain(InProcessEmitToolchain.Instance)
        .WithStrategy(RunStrategy.Monitoring)
        .WithWarmupCount(1)
        .WithIterationCount(5)
        .WithLaunchCount(1));
}
