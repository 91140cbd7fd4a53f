namespace Sn19.Inference.Llama;

using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Sn19.Inference.Kernels;

/// <summary>
/// Rotary position embedding in llama.cpp's "normal" layout for the llama architecture: within each
/// head, the pairs (x[2i], x[2i+1]) for i &lt; rotaryDims/2 rotate by pos·θ_i with
/// θ_i = base^(−2i/rotaryDims) / factor_i / linearFactor (factor_i from rope_freqs, else 1).
/// convert_hf_to_gguf permutes the Q/K rows of Hugging Face checkpoints into this interleaved order, so
/// GGUF files from llama.cpp load as they are. Angles are computed in double once, at load.
/// </summary>
internal sealed unsafe class RopeTable
{
    private readonly float* _cos;       // (context, rotaryDims) cos θ_i·p, twice per pair: [c0 c0 c1 c1 …]
    private readonly float* _sin;       // (context, rotaryDims) [−s0 s0 −s1 s1 …], the sign of each pair's rotation
    private readonly int _pairs;
    private readonly int _headDim;

    public RopeTable(LlamaConfig config, float* frequencyFactors, NativeArena arena)
    {
        _pairs = config.RotaryDimensions / 2;
        _headDim = config.HeadDim;
        _cos = arena.Allocate<float>((long)config.ContextLength * 2 * _pairs);
        _sin = arena.Allocate<float>((long)config.ContextLength * 2 * _pairs);
        for (var p = 0; p < config.ContextLength; p++)
        {
            for (var i = 0; i < _pairs; i++)
            {
                var theta = Math.Pow(config.RopeFreqBase, -2.0 * i / config.RotaryDimensions) / config.RopeLinearFactor;
                if (frequencyFactors != null)
                {
                    theta /= frequencyFactors[i];
                }

                var angle = p * theta;
                var at = ((long)p * 2 * _pairs) + (2 * i);
                _cos[at] = _cos[at + 1] = (float)Math.Cos(angle);
                _sin[at] = -(float)Math.Sin(angle);
                _sin[at + 1] = (float)Math.Sin(angle);
            }
        }
    }

    /// <summary>
    /// Rotates <paramref name="heads"/> consecutive heads of one token at <paramref name="position"/>:
    /// x'[2i] = x[2i]·c − x[2i+1]·s and x'[2i+1] = x[2i+1]·c + x[2i]·s, 8 pairs per 512-bit step as
    /// x·[c c …] + swap(x)·[−s s …] (the same products and sums, so the same bits, as one pair at a time).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Apply(float* vector, int heads, int position)
    {
        var width = 2 * _pairs;
        var cos = _cos + ((long)position * width);
        var sin = _sin + ((long)position * width);
        for (var h = 0; h < heads; h++)
        {
            var v = vector + (h * _headDim);
            var i = 0;
            if (Vector512.IsHardwareAccelerated)
            {
                for (; i + 16 <= width; i += 16)
                {
                    var x = Vector512.Load(v + i);
                    var swapped = Vector512.Shuffle(x, PairSwap);
                    ((x * Vector512.Load(cos + i)) + (swapped * Vector512.Load(sin + i))).Store(v + i);
                }
            }

            for (; i < width; i += 2)
            {
                var a = v[i];
                var b = v[i + 1];
                v[i] = (a * cos[i]) + (b * sin[i]);
                v[i + 1] = (b * cos[i + 1]) + (a * sin[i + 1]);
            }
        }
    }

    private static Vector512<int> PairSwap => Vector512.Create(1, 0, 3, 2, 5, 4, 7, 6, 9, 8, 11, 10, 13, 12, 15, 14);
}
