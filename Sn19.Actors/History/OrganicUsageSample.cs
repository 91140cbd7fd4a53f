namespace Sn19.Actors.History;

/// <summary>
/// A gateway node's organic traffic for one (task, key) over a few seconds: requests by outcome, tokens, and the
/// latency histograms (time to first token and total, <see cref="LatencyBuckets"/>). Nodes write samples side by
/// side; the dashboard adds them up.
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
