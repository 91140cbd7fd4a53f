namespace Sn19.Actors.Chain.Subtensor.CommitReveal;

/// <summary>A committed weights vector waiting for its reveal window (blocks <see cref="FirstBlock"/> to <see cref="LastBlock"/>).</summary>
public sealed record PendingReveal(
    string Hotkey, ushort Netuid, IReadOnlyList<ushort> Uids, IReadOnlyList<ushort> Values, IReadOnlyList<ushort> Salt, ulong VersionKey,
    ulong CommitBlock, ulong FirstBlock, ulong LastBlock);
