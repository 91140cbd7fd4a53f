namespace Sn19.Actors.Organic;

/// <summary>The answer to <see cref="SettleCredit"/>: what was charged for the request (now or before) and the
/// balance after; <see cref="Settled"/> is false when the reservation had expired or was unknown (nothing charged).</summary>
public sealed record CreditSettlement(bool Settled, decimal Charged, decimal Balance, string Message);
