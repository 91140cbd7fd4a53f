namespace Sn19.Inference.Llama;

/// <summary>
/// How many 16-value slices an attention kernel advances together, as a type: the JIT compiles one copy
/// of the kernel per struct below with the count as a constant, so unused accumulators cost nothing.
/// </summary>
internal interface ISliceCount
{
    int Slices { get; }
}
