namespace Sn19.Actors.History;

/// <summary>
/// One gateway process's organic traffic for one (task, key) in the hour starting at <see cref="At"/>, so far: requests
/// by outcome, tokens, and the latency histograms (time to first token and total, <see cref="LatencyBuckets"/>). Each
/// gateway rewrites its own rows as the hour goes on; the dashboard adds every gateway's rows up.
/// </summary>
public sealed record OrganicUsageSample(
    string Node,
    DateTimeOffset At,
    string TaskId,
    string KeyId,
    int Requests,
    int Failed,
    long PromptTokens,
    long CompletionTokens,
    LatencyBuckets FirstToken,
    LatencyBuckets Total);
