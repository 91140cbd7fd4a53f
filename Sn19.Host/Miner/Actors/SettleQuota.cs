namespace Sn19.Host.Miner.Actors;

/// <summary>A request finished having used <see cref="UsedTokens"/>: the rest of its reservation goes back.</summary>
internal sealed record SettleQuota(QuotaReservation Reservation, int UsedTokens);
