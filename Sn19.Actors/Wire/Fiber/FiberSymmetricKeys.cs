namespace Sn19.Actors.Wire.Fiber;

using System.Collections.Concurrent;

/// <summary>
/// A miner's symmetric keys from fiber handshakes, by (validator hotkey, key uuid), each kept for
/// <see cref="FiberProtocol.KeyLifetime"/>. Only validators that passed the stake and signature checks store keys, and
/// each keeps at most <see cref="MaxKeysPerValidator"/> (its oldest goes first), so the store stays bounded.
/// </summary>
public sealed class FiberSymmetricKeys(TimeProvider time)
{
    public const int MaxKeysPerValidator = 16;

    private readonly ConcurrentDictionary<string, Dictionary<string, (byte[] Key, DateTimeOffset Expires)>> _byValidator = new(StringComparer.Ordinal);

    public void Store(string validator, string uuid, byte[] key)
    {
        var keys = _byValidator.GetOrAdd(validator, _ => new Dictionary<string, (byte[], DateTimeOffset)>(StringComparer.Ordinal));
        var now = time.GetUtcNow();
        lock (keys)
        {
            foreach (var expired in keys.Where(k => k.Value.Expires <= now).Select(k => k.Key).ToList())
            {
                keys.Remove(expired);
            }

            while (keys.Count >= MaxKeysPerValidator)
            {
                keys.Remove(keys.MinBy(k => k.Value.Expires).Key);
            }

            keys[uuid] = (key, now + FiberProtocol.KeyLifetime);
        }
    }

    /// <summary>Every live key, for the key file.</summary>
    public IReadOnlyList<FiberStoredKey> Live()
    {
        var now = time.GetUtcNow();
        var live = new List<FiberStoredKey>();
        foreach (var (validator, keys) in _byValidator)
        {
            lock (keys)
            {
                live.AddRange(keys.Where(k => k.Value.Expires > now).Select(k => new FiberStoredKey(validator, k.Key, k.Value.Key, k.Value.Expires.UtcDateTime)));
            }
        }

        return live;
    }

    /// <summary>Takes back keys kept from an earlier run (their expiry read as UTC); expired ones are skipped.</summary>
    public void Restore(IEnumerable<FiberStoredKey> stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var now = time.GetUtcNow();
        foreach (var key in stored)
        {
            var expires = new DateTimeOffset(DateTime.SpecifyKind(key.ExpiresAt, DateTimeKind.Utc));
            if (expires > now && key.Key.Length == 32)
            {
                var keys = _byValidator.GetOrAdd(key.ValidatorHotkey, _ => new Dictionary<string, (byte[], DateTimeOffset)>(StringComparer.Ordinal));
                lock (keys)
                {
                    keys[key.KeyUuid] = (key.Key, expires);
                }
            }
        }
    }

    /// <summary>The live key, or null.</summary>
    public byte[]? Find(string validator, string uuid)
    {
        if (!_byValidator.TryGetValue(validator, out var keys))
        {
            return null;
        }

        lock (keys)
        {
            return keys.TryGetValue(uuid, out var entry) && entry.Expires > time.GetUtcNow() ? entry.Key : null;
        }
    }
}
