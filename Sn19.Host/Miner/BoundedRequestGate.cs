namespace Sn19.Host.Miner;

/// <summary>
/// The miner's admission queue for one backend: at most <c>concurrency</c> requests generate, at most
/// <c>max-queue</c> wait; any more are refused at once so the validator sees a 429 instead of a timeout.
/// </summary>
internal sealed class BoundedRequestGate : IDisposable
{
    private readonly SemaphoreSlim _slots;
    private readonly int _maxWaiting;
    private int _waiting;

    public BoundedRequestGate(int concurrency, int maxQueue)
    {
        _slots = new SemaphoreSlim(concurrency, concurrency);
        _maxWaiting = maxQueue;
    }

    /// <summary>A held slot, or null when the queue is full.</summary>
    public async Task<IDisposable?> TryEnterAsync(CancellationToken cancellationToken)
    {
        if (_slots.Wait(0))
        {
            return new Slot(_slots);
        }

        if (Interlocked.Increment(ref _waiting) > _maxWaiting)
        {
            Interlocked.Decrement(ref _waiting);
            return null;
        }

        try
        {
            await _slots.WaitAsync(cancellationToken);
            return new Slot(_slots);
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }
    }

    public void Dispose() => _slots.Dispose();

    private sealed class Slot(SemaphoreSlim slots) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                slots.Release();
            }
        }
    }
}
