namespace Sn19.Actors.Chain.Subtensor.Metadata;

using System.IO.Hashing;
using Sn19.Actors.Crypto.Sodium;

/// <summary>
/// Storage keys as FRAME builds them: <c>twox128(pallet prefix) ‖ twox128(item) ‖ hasher(key)…</c>, each map key hashed
/// with the hasher the metadata gives it (Identity, Twox64Concat, Blake2_128Concat, ...), for <c>state_getStorage</c>.
/// </summary>
public static class StorageKeys
{
    /// <summary>The key of <paramref name="item"/> of <paramref name="pallet"/>, for the SCALE-encoded map keys given (none for a plain value).</summary>
    public static byte[] For(RuntimeMetadata metadata, string pallet, string item, params byte[][] keys)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(keys);
        var prefix = metadata.Pallet(pallet).Storage?.Prefix ?? throw new KeyNotFoundException($"pallet {pallet} has no storage");
        var entry = metadata.Storage(pallet, item);
        if (keys.Length > entry.Hashers.Count)
        {
            throw new ArgumentException($"{pallet}.{item} takes {entry.Hashers.Count} keys, not {keys.Length}", nameof(keys));
        }

        var key = new List<byte>();
        key.AddRange(Twox(System.Text.Encoding.UTF8.GetBytes(prefix), 16));
        key.AddRange(Twox(System.Text.Encoding.UTF8.GetBytes(item), 16));
        for (var i = 0; i < keys.Length; i++)
        {
            key.AddRange(Hash(entry.Hashers[i], keys[i]));
        }

        return [.. key];
    }

    public static byte[] Hash(StorageHasher hasher, byte[] key) => hasher switch
    {
        StorageHasher.Identity => key,
        StorageHasher.Twox64Concat => [.. Twox(key, 8), .. key],
        StorageHasher.Twox128 => Twox(key, 16),
        StorageHasher.Twox256 => Twox(key, 32),
        StorageHasher.Blake2_128Concat => [.. Blake2b.Hash(key, 16), .. key],
        StorageHasher.Blake2_128 => Blake2b.Hash(key, 16),
        StorageHasher.Blake2_256 => Blake2b.Hash(key, 32),
        _ => throw new ArgumentOutOfRangeException(nameof(hasher), hasher, "unknown storage hasher"),
    };

    /// <summary>xxHash64 with seeds 0, 1, ... concatenated (little-endian) to <paramref name="length"/> bytes: Substrate's twox.</summary>
    private static byte[] Twox(byte[] data, int length)
    {
        var output = new byte[length];
        for (var seed = 0; seed < length / 8; seed++)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(output.AsSpan(seed * 8), XxHash64.HashToUInt64(data, seed));
        }

        return output;
    }
}
