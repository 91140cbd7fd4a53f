namespace Sn19.Actors.Signing;

/// <summary>A weights submission: on netuid, weight <c>Values[i]</c> (u16, max-upscaled) for uid <c>Uids[i]</c>.</summary>
public sealed record WeightsToSign(ushort Netuid, IReadOnlyList<ushort> Uids, IReadOnlyList<ushort> Values, ulong VersionKey);
