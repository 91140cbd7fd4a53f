namespace Sn19.Actors.History;

/// <summary>Organic traffic added up over a window for one task, one key, or the pair (an empty id = all): requests
/// by outcome, tokens, and the latency percentiles in milliseconds (null when nothing was served).</summary>
public sealed record OrganicUsageTotal(
    string TaskId,
    string KeyId,
    long Requests,
    long Failed,
    long PromptTokens,
    long CompletionTokens,
    double? FirstTokenP50Ms,
    double? FirstTokenP95Ms,
    double? TotalP50Ms,
    double? TotalP95Ms,
    double? TotalP99Ms);
