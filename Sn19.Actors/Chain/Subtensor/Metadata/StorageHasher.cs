namespace Sn19.Actors.Chain.Subtensor.Metadata;

/// <summary>How a storage map hashes a key (FRAME's hashers, in metadata order).</summary>
public enum StorageHasher : byte
{
    Blake2_128, Blake2_256, Blake2_128Concat, Twox128, Twox256, Twox64Concat, Identity,
}
