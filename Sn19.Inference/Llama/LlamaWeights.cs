namespace Sn19.Inference.Llama;

using Sn19.Inference.Kernels;

/// <summary>
/// All weights of a Llama model in native memory, read-only once built. Built by
/// <see cref="LlamaWeightsBuilder"/> from GGUF tensors or from generated test weights.
/// </summary>
internal sealed unsafe class LlamaWeights : IDisposable
{
    public required LlamaConfig Config { get; init; }

    public required NativeArena Arena { get; init; }

    /// <summary>token_embd (vocab × dim).</summary>
    public required WeightMatrix TokenEmbedding { get; init; }

    public required LlamaLayer[] Layers { get; init; }

    /// <summary>output_norm (dim).</summary>
    public required float* OutputNorm { get; init; }

    /// <summary>output (vocab × dim); the same object as <see cref="TokenEmbedding"/> when tied.</summary>
    public required WeightMatrix Output { get; init; }

    /// <summary>rope_freqs (rotary dims / 2) divisors of each pair's frequency (Llama 3.1 style), or null.</summary>
    public float* RopeFrequencyFactors { get; init; }

    public bool TiedOutput => ReferenceEquals(TokenEmbedding, Output);

    /// <summary>Weight bytes one decode step streams: every matrix once plus the norms (one embedding row).</summary>
    public long BytesPerToken
    {
        get
        {
            long bytes = Output.BytesPerPass + ((long)Config.Dim * 4 * ((2 * Config.Layers) + 1));
            foreach (var layer in Layers)
            {
                bytes += layer.Query.BytesPerPass + layer.Key.BytesPerPass + layer.Value.BytesPerPass + layer.Output.BytesPerPass
                    + layer.Gate.BytesPerPass + layer.Up.BytesPerPass + layer.Down.BytesPerPass;
            }

            return bytes;
        }
    }

    public void Dispose() => Arena.Dispose();
}
