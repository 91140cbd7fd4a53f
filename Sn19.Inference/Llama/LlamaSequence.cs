namespace Sn19.Inference.Llama;

using Sn19.Inference.Kernels;

/// <summary>
/// One sequence's position in a key/value cache rented from its model (<see cref="KvCachePool"/>);
/// decoding into it allocates nothing. Disposing gives the cache back.
/// </summary>
internal sealed unsafe class LlamaSequence : IDisposable
{
    private readonly KvCachePool _pool;
    private KvCache? _cache;

    public LlamaSequence(KvCachePool pool)
    {
        _pool = pool;
        _cache = pool.Rent();
    }

    public LlamaConfig Config => Cache.Config;

    /// <summary>Tokens already in the cache; the next token goes to this position.</summary>
    public int Position { get; internal set; }

    private KvCache Cache => _cache ?? throw new ObjectDisposedException(nameof(LlamaSequence));

    /// <summary>Key cache of <paramref name="layer"/> (context × kvDim), rotated by RoPE.</summary>
    public float* Keys(int layer) => Cache.Keys(layer);

    /// <summary>Value cache of <paramref name="layer"/> (context × kvDim).</summary>
    public float* Values(int layer) => Cache.Values(layer);

    /// <summary>Forgets everything after <paramref name="position"/> (cached keys past it are overwritten later).</summary>
    public void Rewind(int position)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(position);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(position, Position);
        Position = position;
    }

    public void Dispose()
    {
        var cache = Interlocked.Exchange(ref _cache, null);
        if (cache is not null)
        {
            _pool.Return(cache);
        }
    }
}
