namespace Sn19.Tests.Inference.Llama;

using Sn19.Inference.Llama;

/// <summary>
/// A straightforward double-precision Llama, written from the paper's equations with no batching,
/// SIMD or threads, to check the engine against. RoPE rotates interleaved pairs (llama.cpp's layout).
/// </summary>
internal sealed class ReferenceLlama(LlamaConfig config, IReadOnlyDictionary<string, float[]> tensors)
{
    /// <summary>Logits (double) after every token of <paramref name="tokens"/>.</summary>
    public double[][] Run(IReadOnlyList<int> tokens)
    {
        var c = config;
        var hd = c.HeadDim;
        var keys = new List<double[]>[c.Layers];
        var values = new List<double[]>[c.Layers];
        for (var l = 0; l < c.Layers; l++)
        {
            keys[l] = [];
            values[l] = [];
        }

        var output = tensors.TryGetValue("output.weight", out var o) ? o : tensors["token_embd.weight"];
        var result = new double[tokens.Count][];
        for (var pos = 0; pos < tokens.Count; pos++)
        {
            var x = new double[c.Dim];
            for (var i = 0; i < c.Dim; i++)
            {
                x[i] = tensors["token_embd.weight"][((long)tokens[pos] * c.Dim) + i];
            }

            for (var l = 0; l < c.Layers; l++)
            {
                var p = $"blk.{l}.";
                var xb = RmsNorm(x, tensors[p + "attn_norm.weight"]);
                var q = MatVec(tensors[p + "attn_q.weight"], xb, c.Dim);
                var k = MatVec(tensors[p + "attn_k.weight"], xb, c.KvDim);
                var v = MatVec(tensors[p + "attn_v.weight"], xb, c.KvDim);
                Rope(q, c.Heads, pos);
                Rope(k, c.KvHeads, pos);
                keys[l].Add(k);
                values[l].Add(v);
                var att = new double[c.Dim];
                for (var h = 0; h < c.Heads; h++)
                {
                    var kvh = h / (c.Heads / c.KvHeads);
                    var scores = new double[pos + 1];
                    for (var s = 0; s <= pos; s++)
                    {
                        double dot = 0;
                        for (var i = 0; i < hd; i++)
                        {
                            dot += q[(h * hd) + i] * keys[l][s][(kvh * hd) + i];
                        }

                        scores[s] = dot / Math.Sqrt(hd);
                    }

                    var max = scores.Max();
                    var sum = scores.Sum(z => Math.Exp(z - max));
                    for (var s = 0; s <= pos; s++)
                    {
                        var a = Math.Exp(scores[s] - max) / sum;
                        for (var i = 0; i < hd; i++)
                        {
                            att[(h * hd) + i] += a * values[l][s][(kvh * hd) + i];
                        }
                    }
                }

                Add(x, MatVec(tensors[p + "attn_output.weight"], att, c.Dim));
                xb = RmsNorm(x, tensors[p + "ffn_norm.weight"]);
                var gate = MatVec(tensors[p + "ffn_gate.weight"], xb, c.HiddenDim);
                var up = MatVec(tensors[p + "ffn_up.weight"], xb, c.HiddenDim);
                for (var i = 0; i < c.HiddenDim; i++)
                {
                    gate[i] = gate[i] / (1 + Math.Exp(-gate[i])) * up[i];
                }

                Add(x, MatVec(tensors[p + "ffn_down.weight"], gate, c.Dim));
            }

            result[pos] = MatVec(output, RmsNorm(x, tensors["output_norm.weight"]), c.VocabSize);
        }

        return result;
    }

    private double[] RmsNorm(double[] x, float[] weight)
    {
        var mean = x.Sum(v => v * v) / x.Length;
        var scale = 1 / Math.Sqrt(mean + config.RmsEpsilon);
        return x.Select((v, i) => v * scale * weight[i]).ToArray();
    }

    private static double[] MatVec(float[] w, double[] x, int rows)
    {
        var y = new double[rows];
        for (var r = 0; r < rows; r++)
        {
            double sum = 0;
            for (var i = 0; i < x.Length; i++)
            {
                sum += w[((long)r * x.Length) + i] * x[i];
            }

            y[r] = sum;
        }

        return y;
    }

    private void Rope(double[] v, int heads, int pos)
    {
        var hd = config.HeadDim;
        for (var h = 0; h < heads; h++)
        {
            for (var i = 0; i < config.RotaryDimensions / 2; i++)
            {
                var theta = pos * Math.Pow(config.RopeFreqBase, -2.0 * i / config.RotaryDimensions);
                var a = v[(h * hd) + (2 * i)];
                var b = v[(h * hd) + (2 * i) + 1];
                v[(h * hd) + (2 * i)] = (a * Math.Cos(theta)) - (b * Math.Sin(theta));
                v[(h * hd) + (2 * i) + 1] = (a * Math.Sin(theta)) + (b * Math.Cos(theta));
            }
        }
    }

    private static void Add(double[] x, double[] y)
    {
        for (var i = 0; i < x.Length; i++)
        {
            x[i] += y[i];
        }
    }
}
