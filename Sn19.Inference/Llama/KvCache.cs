namespace Sn19.Inference.Llama;

using Sn19.Inference.Kernels;

/// <summary>
/// The key and value memory of one sequence: 2 × layers × context × kvDim floats (75 MB for the 110m
/// shape at 1,024 positions). Nothing in it needs clearing between sequences: attention only reads the
/// positions a sequence has written.
/// </summary>
internal sealed unsafe class KvCache : IDisposable
{
    private readonly NativeArena _arena = new();
    private readonly float*[] _keys;
    private readonly float*[] _values;

    public KvCache(LlamaConfig config)
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

    public float* Keys(int layer) => _keys[layer];

    public float* Values(int layer) => _values[layer];

    public void Dispose() => _arena.Dispose();
}
