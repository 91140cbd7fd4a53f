namespace Sn19.Actors.Chain.Subtensor.Metadata;

/// <summary>
/// A storage item: a plain value (no hashers, no key type) or a map with one hasher per key; the value's type; what an
/// absent key reads as (<see cref="Default"/>, when <see cref="HasDefault"/>; else absent means none).
/// </summary>
public sealed record StorageEntry(string Name, bool HasDefault, IReadOnlyList<StorageHasher> Hashers, int? KeyType, int ValueType, byte[] Default);
