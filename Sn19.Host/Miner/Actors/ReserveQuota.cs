namespace Sn19.Host.Miner.Actors;

/// <summary>Asks a <see cref="ValidatorQuotaActor"/> to hold <see cref="MaxTokens"/> of the validator's share of
/// <see cref="Task"/> this period: the answer is a <see cref="QuotaReservation"/>, or <see cref="QuotaSpent"/>.</summary>
internal sealed record ReserveQuota(string Validator, string Task, double Share, int MaxTokens);
