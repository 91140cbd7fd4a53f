namespace Sn19.Actors.Organic;

/// <summary>
/// After a request: charges the exact usage (never more than was reserved) and releases the rest. Zero tokens
/// releases it all (no miner served). Replies <see cref="CreditSettlement"/>; a repeat charges nothing more.
/// </summary>
public sealed record SettleCredit(string KeyId, string RequestId, int PromptTokens, int CompletionTokens) : KeyMessage(KeyId);
