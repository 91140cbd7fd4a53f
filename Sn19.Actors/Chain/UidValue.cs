namespace Sn19.Actors.Chain;

/// <summary>A (uid, u16 value) pair as the chain stores weights and bonds.</summary>
public readonly record struct UidValue(ushort Uid, ushort Value);
