namespace Sn19.Inference.Kernels;

/// <summary>
/// A piece of work the <see cref="WorkerPool"/> runs on every worker at once. Implementations are
/// allocated once and reused for every dispatch (no allocation per matrix product); each worker claims
/// chunks of the work itself, so the result never depends on how many workers took part.
/// </summary>
internal interface IParallelWork
{
    void Execute(int workerIndex);
}
