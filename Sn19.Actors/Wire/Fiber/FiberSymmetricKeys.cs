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
