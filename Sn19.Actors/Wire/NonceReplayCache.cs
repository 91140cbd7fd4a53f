namespace Sn19.Actors.Wire;

using System.Collections.Concurrent;

/// <summary>
/// Remembers the (validator, nonce) pairs a miner has accepted, bounded in both time and space.
///
/// Time: an entry is kept until the nonce's own time stamp + the acceptance window. After that the freshness
/// check rejects the nonce anyway, so forgetting it cannot open a replay (fiber forgets 120 s after first
/// sight, which lets a nonce stamped up to 120 s in the future be replayed; see checking-and-fiber.md §B.2.1).
///
/// Space: one partition per validator, each with at most <c>perValidatorCapacity</c> live entries, and at
/// most <c>maxValidators</c> partitions. The middleware only remembers a nonce after the signature and the
/// stake check passed, so only registered, staked validators can fill a partition, and one that floods
/// fills only its own (it is then told <see cref="ReplayVerdict.Full"/> until entries expire). Live entries
/// are never evicted early: evicting one would let it be replayed.
/// Cost: about 120 bytes per entry, so the defaults (16384 × 64) bound the cache near 125 MB.
/// </summary>
internal sealed class NonceReplayCache
{
    private readonly ConcurrentDictionary<string, Partition> _partitions = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly int _perValidatorCapacity;
    private readonly int _maxValidators;
    private readonly Lock _sweepLock = new();

    public NonceReplayCache(TimeProvider time, int perValidatorCapacity, int maxValidators)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(perValidatorCapacity, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxValidators, 1);
        _time = time;
        _perValidatorCapacity = perValidatorCapacity;
        _maxValidators = maxValidators;
    }

    /// <summary>Live entries over all validators (for tests and metrics).</summary>
    public int Count
    {
        get
        {
            var total = 0;
            foreach (var partition in _partitions.Values)
            {
                total += partition.Count;
            }

            return total;
        }
    }

    public int PartitionCount => _partitions.Count;

    /// <summary>A read-only check used to refuse an obvious replay before the body is read.</summary>
    public bool Contains(string validator, string nonce) =>
        _partitions.TryGetValue(validator, out var partition) && partition.Contains(nonce, Now());

    /// <summary>Atomically remembers (validator, nonce) until <paramref name="expiresAtUnixNs"/>.</summary>
    public ReplayVerdict TryRemember(string validator, string nonce, long expiresAtUnixNs)
    {
        var now = Now();
        while (true)
        {
            if (!_partitions.TryGetValue(validator, out var partition))
            {
                if (_partitions.Count >= _maxValidators && !SweepEmptyPartitions(now))
                {
                    return ReplayVerdict.Full;
                }

                partition = _partitions.GetOrAdd(validator, static _ => new Partition());
            }

            var verdict = partition.TryAdd(nonce, expiresAtUnixNs, now, _perValidatorCapacity);
            if (verdict is not null)
            {
                return verdict.Value;
            }

            // The partition was retired by a sweep between the lookup and the add; take the new one.
        }
    }

    private long Now() => WireNonce.UnixNanoseconds(_time);

    /// <summary>Drops partitions with no live entries; true when that made room for one more.</summary>
    private bool SweepEmptyPartitions(long now)
    {
        lock (_sweepLock)
        {
            foreach (var (validator, partition) in _partitions)
            {
                if (partition.TryRetireIfEmpty(now))
                {
                    _partitions.TryRemove(new KeyValuePair<string, Partition>(validator, partition));
                }
            }

            return _partitions.Count < _maxValidators;
        }
    }

    private sealed class Partition
    {
        private readonly Lock _gate = new();
        private readonly Dictionary<string, long> _expiry = new(StringComparer.Ordinal);
        private readonly PriorityQueue<string, long> _byExpiry = new();
        private bool _retired;

        public int Count
        {
            get
            {
                lock (_gate)
                {
                    return _expiry.Count;
                }
            }
        }

        public bool Contains(string nonce, long now)
        {
            lock (_gate)
            {
                return _expiry.TryGetValue(nonce, out var expires) && expires > now;
            }
        }

        /// <summary>Null when this partition was retired and the caller must fetch a fresh one.</summary>
        public ReplayVerdict? TryAdd(string nonce, long expiresAt, long now, int capacity)
        {
            lock (_gate)
            {
                if (_retired)
                {
                    return null;
                }

                Purge(now);
                if (_expiry.ContainsKey(nonce))
                {
                    return ReplayVerdict.Replayed;
                }

                if (_expiry.Count >= capacity)
                {
                    return ReplayVerdict.Full;
                }

                _expiry.Add(nonce, expiresAt);
                _byExpiry.Enqueue(nonce, expiresAt);
                return ReplayVerdict.Fresh;
            }
        }

        public bool TryRetireIfEmpty(long now)
        {
            lock (_gate)
            {
                Purge(now);
                _retired = _expiry.Count == 0;
                return _retired;
            }
        }

        private void Purge(long now)
        {
            while (_byExpiry.TryPeek(out var nonce, out var expires) && expires <= now)
            {
                _byExpiry.Dequeue();
                _expiry.Remove(nonce);
            }
        }
    }
}
