namespace Sn19.Actors.Chain.Http;

/// <summary>Body of a chain API POST (see <see cref="ChainRoutes"/>); the signature is 128 hex digits.</summary>
internal sealed record SetWeightsRequest(
    string Hotkey, ushort Netuid, IReadOnlyList<ushort> Uids, IReadOnlyList<ushort> Values, ulong VersionKey, ulong LastUpdate, string Signature);
