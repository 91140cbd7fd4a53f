namespace Sn19.Inference.Llama;

using Sn19.Inference.Kernels;

/// <summary>The weights of one transformer block (GGUF names <c>blk.N.*</c>).</summary>
internal sealed unsafe class LlamaLayer
{
    /// <summary>attn_norm (dim).</summary>
    public required float* AttentionNorm { get; init; }

    /// <summary>attn_q (dim × dim), rows in llama.cpp's interleaved-pair RoPE order.</summary>
    public required WeightMatrix Query { get; init; }

    /// <summary>attn_k (kvDim × dim).</summary>
    public required WeightMatrix Key { get; init; }

    /// <summary>attn_v (kvDim × dim).</summary>
    public required WeightMatrix Value { get; init; }

    /// <summary>attn_output (dim × dim).</summary>
    public required WeightMatrix Output { get; init; }

    /// <summary>ffn_norm (dim).</summary>
    public required float* FeedForwardNorm { get; init; }

    /// <summary>ffn_gate, w1 (hidden × dim).</summary>
    public required WeightMatrix Gate { get; init; }

    /// <summary>ffn_up, w3 (hidden × dim).</summary>
    public required WeightMatrix Up { get; init; }

    /// <summary>ffn_down, w2 (dim × hidden).</summary>
    public required WeightMatrix Down { get; init; }
}
