namespace Sn19.Inference.Kernels;

/// <summary>
/// How a Q8_0 matrix stores its quants, which decides the kernels that multiply it (<see cref="Q8Products"/>).
/// A model takes the best its CPU runs (<see cref="WeightMatrix.BestQ8Layout"/>); tests and benchmarks ask for
/// the others to compare kernels on one machine.
/// </summary>
internal enum Q8Layout
{
    /// <summary>Row after row: the 256-bit AVX-VNNI/AVX2 kernels (<see cref="TileKernels"/>, <see cref="Q8"/>).</summary>
    RowMajor,

    /// <summary><see cref="Q8RowGroups"/> holding w: the AVX-512BW kernels (<see cref="Q8Wide"/>).</summary>
    RowGroups,

    /// <summary><see cref="Q8RowGroups"/> holding w + 128: the vpdpbusd kernels (<see cref="Q8WideVnni"/>).</summary>
    OffsetRowGroups,
}
