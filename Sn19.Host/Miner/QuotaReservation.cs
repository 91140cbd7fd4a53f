namespace Sn19.Host.Miner;

/// <summary>Tokens held for one request against a validator's share in one period.</summary>
internal readonly record struct QuotaReservation(string Validator, string Task, long Period, int Reserved);
