namespace Sn19.Inference.Llama;

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
    private readonly float* _cos;
    private readonly float* _sin;
    private readonly int _pairs;
    private readonly int _headDim;

    public RopeTable(LlamaConfig config, float* frequencyFactors, NativeArena arena)
    {
        _pairs = config.RotaryDimensions / 2;
        _headDim = config.HeadDim;
        _cos = arena.Allocate<float>((long)config.ContextLength * _pairs);
        _sin = arena.Allocate<float>((long)config.ContextLength * _pairs);
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
                _cos[((long)p * _pairs) + i] = (float)Math.Cos(angle);
                _sin[((long)p * _pairs) + i] = (float)Math.Sin(angle);
            }
        }
    }

    /// <summary>Rotates <paramref name="heads"/> consecutive heads of one token at <paramref name="position"/>.</summary>
    public void Apply(float* vector, int heads, int position)
    {
        var cos = _cos + ((long)position * _pairs);
        var sin = _sin + ((long)position * _pairs);
        for (var h = 0; h < heads; h++)
        {
            var v = vector + (h * _headDim);
            for (var i = 0; i < _pairs; i++)
            {
                var a = v[2 * i];
                var b = v[(2 * i) + 1];
                v[2 * i] = (a * cos[i]) - (b * sin[i]);
                v[(2 * i) + 1] = (a * sin[i]) + (b * cos[i]);
            }
        }
    }
}
