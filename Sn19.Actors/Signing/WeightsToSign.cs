namespace Sn19.Actors.Signing;

/// <summary>
/// A weights submission: on netuid, weight <c>Values[i]</c> (u16, max-upscaled) for uid <c>Uids[i]</c>.
/// <c>LastUpdate</c> is the block of the hotkey's previous weights as the submitter read it from the chain:
/// the chain takes the signature only while that is still true, so a signed submission counts once and a
/// replay (which finds a newer last update) is refused, the part an account nonce plays on subtensor.
/// </summary>
public sealed record WeightsToSign(ushort Netuid, IReadOnlyList<ushort> Uids, IReadOnlyList<ushort> Values, ulong VersionKey, ulong LastUpdate = 0);
