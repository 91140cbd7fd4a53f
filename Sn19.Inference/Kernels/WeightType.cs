namespace Sn19.Inference.Kernels;

/// <summary>How a weight matrix is stored in memory for the kernels.</summary>
public enum WeightType
{
    /// <summary>32-bit floats.</summary>
    F32,

    /// <summary>IEEE half floats, widened to float row by row in the kernels.</summary>
    F16,

    /// <summary>llama.cpp's Q8_0: blocks of 32 signed bytes sharing one scale. Held repacked as one
    /// contiguous int8 row plus a float scale per block, so the kernels load whole vectors.</summary>
    Q8_0,
}
