namespace Sn19.Inference.Llama;

using Sn19.Inference.Kernels;

/// <summary>
/// One sequence's key/value cache and position. All memory is allocated here, at creation
/// (2 × layers × context × kvDim floats); decoding into it allocates nothing.
/// </summary>
internal sealed unsafe class LlamaSequence : IDisposable
{
    private readonly NativeArena _arena = new();
    private readonly float*[] _keys;
    private readonly float*[] _values;

    public LlamaSequence(LlamaConfig config)
    {
        Config = config;
        _keys = new float*[config.Layers];
        _values = new float*[config.Layers];
        for (var l = 0; l < config.Layers; l++)
        {
            _keys[l] = _arena.Allocate<float>((long)config.ContextLength * config.KvDim);
            _values[l] = _arena.Allocate<float>((long)config.ContextLength * config.KvDim);
        }
    }

    public LlamaConfig Config { get; }

    /// <summary>Tokens already in the cache; the next token goes to this position.</summary>
    public int Position { get; internal set; }

    /// <summary>Key cache of <paramref name="layer"/> (context × kvDim), rotated by RoPE.</summary>
    public float* Keys(int layer) => _keys[layer];

    /// <summary>Value cache of <paramref name="layer"/> (context × kvDim).</summary>
    public float* Values(int layer) => _values[layer];

    /// <summary>Forgets everything after <paramref name="position"/> (cached keys past it are overwritten later).</summary>
    public void Rewind(int position)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(position);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(position, Position);
        Position = position;
    }

    public void Dispose() => _arena.Dispose();
}
