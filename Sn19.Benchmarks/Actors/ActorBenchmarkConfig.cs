namespace Sn19.Benchmarks.Actors;

using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

/// <summary>
/// A short in-process job (1 launch, 2 warm-up, 5 measured iterations). In-process because generating and
/// building a separate benchmark project takes longer than BenchmarkDotNet's 2-minute build timeout on the
/// shared 2-core machines; each comparison runs baseline and candidate in the same process and run.
/// </summary>
public sealed class ActorBenchmarkConfig : ManualConfig
{
    public ActorBenchmarkConfig()
    {
        AddJob(Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1)
            .WithWarmupCount(2)
            .WithIterationCount(5));
        AddDiagnoser(MemoryDiagnoser.Default);
    }
}
