namespace Sn19.Actors.Chain.Subtensor;

using System.Text.Json.Nodes;
using Sn19.Actors.Chain.Subtensor.Metadata;
using Sn19.Actors.Chain.Subtensor.Scale;

/// <summary>
/// Storage items read by name: the map keys are encoded with the key types the metadata gives the item and hashed with its
/// hashers, and a stored value is decoded with its value type. An absent value is the item's default (what the runtime
/// itself would read), or null for an item without one.
/// </summary>
public static class SubtensorStorage
{
    /// <summary>The storage key of <paramref name="item"/> at the given map keys (JSON, as <see cref="ScaleValueEncoder"/> takes them).</summary>
    public static byte[] Key(RuntimeMetadata metadata, string pallet, string item, params JsonNode?[] keys)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(keys);
        var types = KeyTypes(metadata, metadata.Storage(pallet, item));
        if (keys.Length > types.Count)
        {
            throw new ArgumentException($"{pallet}.{item} takes {types.Count} keys, not {keys.Length}", nameof(keys));
        }

        var encoder = new ScaleValueEncoder(metadata);
        var encoded = new byte[keys.Length][];
        for (var i = 0; i < keys.Length; i++)
        {
            var writer = new ScaleWriter();
            encoder.Encode(types[i], keys[i], writer, $"{item}.key{i}");
            encoded[i] = writer.ToArray();
        }

        return StorageKeys.For(metadata, pallet, item, encoded);
    }

    /// <summary>The SCALE bytes of <paramref name="value"/> as the item's value type.</summary>
    public static byte[] Encode(RuntimeMetadata metadata, string pallet, string item, JsonNode? value)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var writer = new ScaleWriter();
        new ScaleValueEncoder(metadata).Encode(metadata.Storage(pallet, item).ValueType, value, writer, item);
        return writer.ToArray();
    }

    /// <summary>The item's value from the bytes the node stored (null when it stores none).</summary>
    /// <exception cref="ScaleFormatException">the bytes are not the item's value type.</exception>
    public static JsonNode? Decode(RuntimeMetadata metadata, string pallet, string item, byte[]? stored)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var entry = metadata.Storage(pallet, item);
        var bytes = stored ?? (entry.HasDefault ? entry.Default : null);
        if (bytes is null)
        {
            return null;
        }

        var reader = new ScaleReader(bytes);
        var value = new ScaleValueDecoder(metadata).Decode(entry.ValueType, reader);
        return reader.AtEnd ? value : throw new ScaleFormatException($"{reader.Remaining} bytes left after {pallet}.{item}", reader.Position);
    }

    /// <summary>Whether the runtime has the item (names change between runtime versions).</summary>
    public static bool Has(RuntimeMetadata metadata, string pallet, string item)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        return metadata.Pallets.FirstOrDefault(p => p.Name == pallet)?.Storage?.Entries.Any(e => e.Name == item) == true;
    }

    /// <summary>One type per map key: the key type itself for one hasher, the elements of its tuple for several.</summary>
    private static IReadOnlyList<int> KeyTypes(RuntimeMetadata metadata, StorageEntry entry) => entry switch
    {
        { KeyType: null } => [],
        { Hashers.Count: 1 } => [entry.KeyType.Value],
        _ when metadata.Type(entry.KeyType.Value).Definition is TupleType tuple => tuple.Elements,
        _ => throw new NotSupportedException($"{entry.Name} has {entry.Hashers.Count} hashers but its key is not a tuple"),
    };
}
