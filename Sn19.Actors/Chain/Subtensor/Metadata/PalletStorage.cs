namespace Sn19.Actors.Chain.Subtensor.Metadata;

/// <summary>A pallet's storage: the prefix its keys start with (twox128 of it) and its items.</summary>
public sealed record PalletStorage(string Prefix, IReadOnlyList<StorageEntry> Entries);
