namespace Sn19.Actors.Mechanism;

/// <summary>A weight on chain: the uid and its u16 value (65535 for the largest).</summary>
public readonly record struct UidWeight(ushort Uid, ushort Value);
