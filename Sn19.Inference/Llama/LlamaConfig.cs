namespace Sn19.Inference.Llama;

/// <summary>
/// The hyper-parameters of a Llama model (the blueprint), as GGUF stores them under <c>llama.*</c>.
/// </summary>
/// <param name="Dim">Embedding width (<c>llama.embedding_length</c>).</param>
/// <param name="HiddenDim">Feed-forward width (<c>llama.feed_forward_length</c>).</param>
/// <param name="Layers">Transformer blocks (<c>llama.block_count</c>).</param>
/// <param name="Heads">Query heads (<c>llama.attention.head_count</c>).</param>
/// <param name="KvHeads">Key/value heads, fewer than <paramref name="Heads"/> for grouped-query attention.</param>
/// <param name="VocabSize">Rows of the token embedding.</param>
/// <param name="ContextLength">Longest sequence (<c>llama.context_length</c>); the KV cache holds this many positions.</param>
/// <param name="RopeFreqBase">RoPE base θ (<c>llama.rope.freq_base</c>, 10000 when absent).</param>
/// <param name="RmsEpsilon">RMSNorm ε (<c>llama.attention.layer_norm_rms_epsilon</c>).</param>
/// <param name="RopeDimensions">Dimensions of each head that rotate (<c>llama.rope.dimension_count</c>); 0 = the whole head.</param>
/// <param name="RopeLinearFactor">Linear RoPE scaling factor: positions are divided by it (<c>llama.rope.scaling.factor</c> with type linear); 1 = none.</param>
public sealed record LlamaConfig(
    int Dim,
    int HiddenDim,
    int Layers,
    int Heads,
    int KvHeads,
    int VocabSize,
    int ContextLength,
    float RopeFreqBase = 10000f,
    float RmsEpsilon = 1e-5f,
    int RopeDimensions = 0,
    float RopeLinearFactor = 1f)
{
    public int HeadDim => Dim / Heads;

    public int KvDim => KvHeads * HeadDim;

    public int RotaryDimensions => RopeDimensions == 0 ? HeadDim : RopeDimensions;

    /// <summary>Throws <see cref="ArgumentException"/> naming the inconsistent field.</summary>
    public void Validate()
    {
        Require(Dim > 0 && HiddenDim > 0 && Layers > 0 && VocabSize > 0 && ContextLength > 0, "sizes must be positive");
        Require(Heads > 0 && Dim % Heads == 0, $"embedding length {Dim} must be a multiple of the head count {Heads}");
        Require(KvHeads > 0 && Heads % KvHeads == 0, $"head count {Heads} must be a multiple of the key/value head count {KvHeads}");
        Require(RotaryDimensions % 2 == 0 && RotaryDimensions <= HeadDim, $"rope dimension count {RotaryDimensions} must be even and at most the head size {HeadDim}");
        Require(RopeFreqBase > 0 && RmsEpsilon > 0 && RopeLinearFactor > 0, "rope base, rms epsilon and rope scaling factor must be positive");
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new ArgumentException("Invalid Llama configuration: " + message + ".");
        }
    }
}
