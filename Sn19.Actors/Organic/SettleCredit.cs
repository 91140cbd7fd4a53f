namespace Sn19.Actors.Organic;

/// <summary>
/// After a request: charges the exact usage and releases the rest of the hold; zero tokens releases it all (no
/// miner served, or the answer did not complete). It carries the reservation's terms (task, price, granted tokens,
/// amount held) so that a settlement still charges correctly when the hold was lost with the node that kept it
/// (the ledger entity restarted elsewhere while the request ran); then the charge is also capped by the credit
/// available, so the balance never goes negative. Replies <see cref="CreditSettlement"/>; a repeat charges nothing more.
/// </summary>
public sealed record SettleCredit(
    string KeyId, string RequestId, int PromptTokens, int CompletionTokens, string TaskId, TaskPrice Price, int GrantedCompletionTokens, decimal Amount)
    : KeyMessage(KeyId);
