namespace Sn19.Inference.TestModels;

using Sn19.Inference.Llama;
using Sn19.Inference.Sampling;

/// <summary>
/// Random Llama weights, deterministic from a seed (xoshiro256** normals, tensors in a fixed order).
/// The initialisation is chosen so next-token distributions are sharply peaked, which the subnet's
/// check relies on: a miner sampling honestly at temperature 1 almost always stays in the checker's
/// top 10, while another seed's (another model's) tokens almost never do.
/// <list type="bullet">
/// <item>projections q, k, v, gate, up ~ N(0, 1/dim): every block input is RMS-normalised, so attention
/// scores and gate/up activations have unit spread;</item>
/// <item>the blocks' output projections o ~ N(0, (<see cref="ResidualGain"/>²/dim) and down ~ N(0, <see cref="ResidualGain"/>²/ffn):
/// each block writes a large update into the residual stream. This matters for tied models: the final
/// state h contains the current token's own embedding e_t, which adds |e_t|²/rms(h) ≈ 16²/rms(h) to the
/// logit of repeating it. With small updates that term dominates and every random model would just repeat
/// its input (so different seeds would agree); with rms(h) ≈ 50 or more it is a fraction of the logits' spread;</item>
/// <item>norm weights ~ 1 + N(0, 0.1²);</item>
/// <item>the classifier ~ N(0, (<see cref="LogitSpread"/>/√dim)²): after the final RMSNorm the logits then
/// have standard deviation ≈ 16. Why so large: for V Gaussian logits of spread σ, the number of tokens
/// within x of the best grows like exp(x·√(2 ln V)/σ); the probability mass beyond rank 10 is small only
/// when that rate is well below 1 (σ ≫ 4.5 at 32k tokens). At σ = 6 a third of the mass lies beyond
/// rank 10; at σ = 16 about 0.1%, so an honest temperature-1 sample falls outside the top 10 about once
/// in a thousand tokens (the check tolerates 3 per response);</item>
/// <item>untied embeddings ~ N(0, 1); tied models (tiny, 15m) share the classifier's scale, and the
/// blocks' updates dominate the residual stream.</item>
/// </list>
/// </summary>
internal static class TestModelFactory
{
    /// <summary>Target standard deviation of the logits.</summary>
    public const double LogitSpread = 16.0;

    /// <summary>Scale of the blocks' output projections relative to unit-variance initialisation.</summary>
    public const double ResidualGain = 32.0;

    public static LlamaConfig Config(TestModelShape shape, int vocabSize) => shape switch
    {
        TestModelShape.Tiny => new LlamaConfig(64, 192, 2, 4, 2, vocabSize, 256),
        TestModelShape.Stories15M => new LlamaConfig(288, 768, 6, 6, 6, vocabSize, 256),
        _ => new LlamaConfig(768, 2048, 12, 12, 12, vocabSize, 1024),
    };

    public static bool TiedOutput(TestModelShape shape) => shape != TestModelShape.Llama110M;

    /// <summary>All tensors by llama.cpp name, as floats (matrices row-major: rows = outputs).</summary>
    public static Dictionary<string, float[]> Generate(LlamaConfig config, bool tiedOutput, ulong seed)
    {
        var random = new Xoshiro256StarStar(seed);
        var tensors = new Dictionary<string, float[]>(StringComparer.Ordinal);
        var classifierStd = LogitSpread / Math.Sqrt(config.Dim);
        var dimStd = 1.0 / Math.Sqrt(config.Dim);
        var hiddenStd = 1.0 / Math.Sqrt(config.HiddenDim);
        tensors["token_embd.weight"] = Normal(random, (long)config.VocabSize * config.Dim, tiedOutput ? classifierStd : 1.0);
        for (var l = 0; l < config.Layers; l++)
        {
            var p = $"blk.{l}.";
            tensors[p + "attn_norm.weight"] = Norm(random, config.Dim);
            tensors[p + "attn_q.weight"] = Normal(random, (long)config.Dim * config.Dim, dimStd);
            tensors[p + "attn_k.weight"] = Normal(random, (long)config.KvDim * config.Dim, dimStd);
            tensors[p + "attn_v.weight"] = Normal(random, (long)config.KvDim * config.Dim, dimStd);
            tensors[p + "attn_output.weight"] = Normal(random, (long)config.Dim * config.Dim, ResidualGain * dimStd);
            tensors[p + "ffn_norm.weight"] = Norm(random, config.Dim);
            tensors[p + "ffn_gate.weight"] = Normal(random, (long)config.HiddenDim * config.Dim, dimStd);
            tensors[p + "ffn_up.weight"] = Normal(random, (long)config.HiddenDim * config.Dim, dimStd);
            tensors[p + "ffn_down.weight"] = Normal(random, (long)config.Dim * config.HiddenDim, ResidualGain * hiddenStd);
        }

        tensors["output_norm.weight"] = Norm(random, config.Dim);
        if (!tiedOutput)
        {
            tensors["output.weight"] = Normal(random, (long)config.VocabSize * config.Dim, classifierStd);
        }

        return tensors;
    }

    /// <summary>
    /// The "same model, slightly changed" a cheat might serve: every matrix (norm vectors left alone) gets independent
    /// Gaussian noise of <paramref name="relative"/> times its own standard deviation, from its own seed.
    /// </summary>
    public static void AddNoise(Dictionary<string, float[]> tensors, double relative, ulong seed)
    {
        var random = new Xoshiro256StarStar(seed);
        foreach (var name in tensors.Keys.Order(StringComparer.Ordinal))
        {
            if (name.EndsWith("norm.weight", StringComparison.Ordinal))
            {
                continue;
            }

            var values = tensors[name];
            var std = Math.Sqrt(values.Average(v => (double)v * v));
            for (var i = 0; i < values.Length; i++)
            {
                values[i] += (float)(random.NextGaussian() * relative * std);
            }
        }
    }

    private static float[] Normal(Xoshiro256StarStar random, long count, double std)
    {
        var values = new float[count];
        for (long i = 0; i < count; i++)
        {
            values[i] = (float)(random.NextGaussian() * std);
        }

        return values;
    }

    private static float[] Norm(Xoshiro256StarStar random, int count)
    {
        var values = new float[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = (float)(1.0 + (0.1 * random.NextGaussian()));
        }

        return values;
    }
}
