namespace Sn19.Inference.Llama;

/// <summary>
/// Key/value caches kept between sequences. A fresh cache is an allocation the size of the model's whole
/// context, zeroed and faulted in page by page: ~10 ms for the 110m shape, paid by every generation and
/// every check before this pool. At most <see cref="Capacity"/> idle caches are kept; more are freed.
/// </summary>
internal sealed class KvCachePool(LlamaConfig config) : IDisposable
{
    public const int Capacity = 2;
    private readonly Stack<KvCache> _idle = new();
    private bool _disposed;

    public KvCache Rent()
    {
        lock (_idle)
        {
            if (_idle.Count > 0)
            {
                return _idle.Pop();
            }
        }

        return new KvCache(config);
    }

    public void Return(KvCache cache)
    {
        lock (_idle)
        {
            if (!_disposed && _idle.Count < Capacity)
            {
                _idle.Push(cache);
                return;
            }
        }

        cache.Dispose();
    }

    public void Dispose()
    {
        lock (_idle)
        {
            _disposed = true;
            while (_idle.Count > 0)
            {
                _idle.Pop().Dispose();
            }
        }
    }
}
