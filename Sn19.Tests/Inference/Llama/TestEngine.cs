namespace Sn19.Tests.Inference.Llama;

using Sn19.Inference.Kernels;
using Sn19.Inference.Llama;
using Sn19.Inference.TestModels;

/// <summary>Builds small random engines for the tests (in memory, no files).</summary>
internal static class TestEngine
{
    public static (LlamaModel Model, Dictionary<string, float[]> Tensors) Tiny(
        WeightType type, int threads = 2, int vocab = 512, ulong seed = 7, int maxBatch = 64)
    {
        var config = TestModelFactory.Config(TestModelShape.Tiny, vocab);
        var tensors = TestModelFactory.Generate(config, tiedOutput: true, seed);
        var weights = LlamaWeightsBuilder.Build(config, new FloatTensorSource(tensors, type));
        return (new LlamaModel(weights, threads, maxBatch), tensors);
    }

    /// <summary>The weights the engine actually holds, as floats (Q8_0/F16 dequantised).</summary>
    public static Dictionary<string, float[]> Effective(LlamaModel model, Dictionary<string, float[]> tensors)
    {
        var w = model.Weights;
        var result = new Dictionary<string, float[]>(tensors, StringComparer.Ordinal);
        result["token_embd.weight"] = Dense(w.TokenEmbedding);
        for (var l = 0; l < w.Layers.Length; l++)
        {
            var layer = w.Layers[l];
            var p = $"blk.{l}.";
            result[p + "attn_q.weight"] = Dense(layer.Query);
            result[p + "attn_k.weight"] = Dense(layer.Key);
            result[p + "attn_v.weight"] = Dense(layer.Value);
            result[p + "attn_output.weight"] = Dense(layer.Output);
            result[p + "ffn_gate.weight"] = Dense(layer.Gate);
            result[p + "ffn_up.weight"] = Dense(layer.Up);
            result[p + "ffn_down.weight"] = Dense(layer.Down);
        }

        return result;
    }

    /// <summary>Logits after every token, through one batched forward.</summary>
    public static float[] Logits(LlamaModel model, int[] tokens)
    {
        using var sequence = model.CreateSequence();
        var logits = new float[tokens.Length * model.Config.VocabSize];
        model.Forward(sequence, tokens, 0, logits);
        return logits;
    }

    private static float[] Dense(WeightMatrix m)
    {
        var values = new float[(long)m.Rows * m.Cols];
        for (var r = 0; r < m.Rows; r++)
        {
            m.DequantizeRow(r, values.AsSpan(r * m.Cols, m.Cols));
        }

        return values;
    }
}
