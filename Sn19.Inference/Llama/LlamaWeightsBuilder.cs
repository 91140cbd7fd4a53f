namespace Sn19.Inference.Llama;

using Sn19.Inference.Kernels;

/// <summary>Assembles <see cref="LlamaWeights"/> from llama.cpp tensor names; fails at load, never later.</summary>
internal static unsafe class LlamaWeightsBuilder
{
    public static LlamaWeights Build(LlamaConfig config, ITensorSource source)
    {
        config.Validate();
        var arena = new NativeArena();
        try
        {
            var embedding = source.LoadMatrix(arena, "token_embd.weight", config.VocabSize, config.Dim);
            var layers = new LlamaLayer[config.Layers];
            for (var l = 0; l < config.Layers; l++)
            {
                var p = $"blk.{l}.";
                layers[l] = new LlamaLayer
                {
                    AttentionNorm = Vector(arena, source, p + "attn_norm.weight", config.Dim),
                    Query = source.LoadMatrix(arena, p + "attn_q.weight", config.Dim, config.Dim),
                    Key = source.LoadMatrix(arena, p + "attn_k.weight", config.KvDim, config.Dim),
                    Value = source.LoadMatrix(arena, p + "attn_v.weight", config.KvDim, config.Dim),
                    Output = source.LoadMatrix(arena, p + "attn_output.weight", config.Dim, config.Dim),
                    FeedForwardNorm = Vector(arena, source, p + "ffn_norm.weight", config.Dim),
                    Gate = source.LoadMatrix(arena, p + "ffn_gate.weight", config.HiddenDim, config.Dim),
                    Up = source.LoadMatrix(arena, p + "ffn_up.weight", config.HiddenDim, config.Dim),
                    Down = source.LoadMatrix(arena, p + "ffn_down.weight", config.Dim, config.HiddenDim),
                };
            }

            var output = source.Contains("output.weight")
                ? source.LoadMatrix(arena, "output.weight", config.VocabSize, config.Dim)
                : embedding;
            return new LlamaWeights
            {
                Config = config,
                Arena = arena,
                TokenEmbedding = embedding,
                Layers = layers,
                OutputNorm = Vector(arena, source, "output_norm.weight", config.Dim),
                Output = output,
                RopeFrequencyFactors = source.Contains("rope_freqs.weight")
                    ? Vector(arena, source, "rope_freqs.weight", config.RotaryDimensions / 2)
                    : null,
            };
        }
        catch
        {
            arena.Dispose();
            throw;
        }
    }

    private static float* Vector(NativeArena arena, ITensorSource source, string name, int length)
    {
        var values = source.LoadVector(name, length);
        var data = arena.Allocate<float>(length);
        values.CopyTo(new Span<float>(data, length));
        return data;
    }
}
