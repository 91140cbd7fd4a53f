namespace Sn19.Actors.Wire;

/// <summary>What <see cref="NonceReplayCache.TryRemember"/> decided.</summary>
public enum ReplayVerdict
{
    /// <summary>First sight of this (validator, nonce): it is now remembered.</summary>
    Fresh = 0,

    /// <summary>Seen before and not yet expired: a replay.</summary>
    Replayed = 1,

    /// <summary>The validator's share of the cache is full of live nonces; nothing was remembered.</summary>
    Full = 2,
}
