namespace Sn19.Inference.Llama;

using Sn19.Inference.Gguf;

/// <summary>Reads a Llama model's configuration and weights from a GGUF file written by llama.cpp's tools or by Sn19.</summary>
internal static class LlamaGguf
{
    /// <summary>The configuration in <paramref name="file"/>'s <c>llama.*</c> metadata; <paramref name="maxContext"/> &gt; 0 caps the context (and so the KV cache).</summary>
    public static LlamaConfig ReadConfig(GgufFile file, int maxContext = 0)
    {
        var architecture = file.TryGetString("general.architecture", out var a) ? a : "(none)";
        if (architecture != "llama")
        {
            throw new InvalidDataException($"'{file.Path}' is a '{architecture}' model; the engine runs the 'llama' architecture.");
        }

        var embedding = file.GetTensor("token_embd.weight");
        var heads = (int)file.GetUInt32("llama.attention.head_count");
        var dim = (int)file.GetUInt32("llama.embedding_length");
        var context = (int)file.GetUInt32("llama.context_length");
        var scaling = 1f;
        if (file.TryGetString("llama.rope.scaling.type", out var type) && type != "none")
        {
            if (type != "linear")
            {
                throw new InvalidDataException($"'{file.Path}' uses rope scaling '{type}'; the engine supports none and linear.");
            }

            scaling = file.GetFloat32("llama.rope.scaling.factor");
        }
        else if (file.TryGetFloat32("llama.rope.scale_linear", out var linear))
        {
            scaling = linear;
        }

        var config = new LlamaConfig(
            Dim: dim,
            HiddenDim: (int)file.GetUInt32("llama.feed_forward_length"),
            Layers: (int)file.GetUInt32("llama.block_count"),
            Heads: heads,
            KvHeads: file.TryGetUInt32("llama.attention.head_count_kv", out var kv) ? (int)kv : heads,
            VocabSize: (int)embedding.Dimensions[1],
            ContextLength: maxContext > 0 ? Math.Min(context, maxContext) : context,
            RopeFreqBase: file.TryGetFloat32("llama.rope.freq_base", out var freqBase) ? freqBase : 10000f,
            RmsEpsilon: file.TryGetFloat32("llama.attention.layer_norm_rms_epsilon", out var eps) ? eps : 1e-5f,
            RopeDimensions: file.TryGetUInt32("llama.rope.dimension_count", out var rope) ? (int)rope : 0,
            RopeLinearFactor: scaling);
        config.Validate();
        return config;
    }

    public static LlamaWeights LoadWeights(GgufFile file, int maxContext = 0) =>
        LlamaWeightsBuilder.Build(ReadConfig(file, maxContext), new GgufTensorSource(file));
}
