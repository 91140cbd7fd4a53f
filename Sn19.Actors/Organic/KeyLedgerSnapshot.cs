namespace Sn19.Actors.Organic;

/// <summary>A key ledger's journaled state (holds are in memory only), saved every so many events so recovery replays only the tail.</summary>
public sealed record KeyLedgerSnapshot(
    string KeyId, string? Name, string? SecretHash, bool Revoked, DateTimeOffset? Created, decimal Credited, decimal Charged,
    int RequestsPerMinute, int TokensPerMinute, long Requests, long PromptTokens, long CompletionTokens,
    IReadOnlyList<KeyCharge> RecentCharges, IReadOnlyList<string> ClosedIds);
