namespace Sn19.Actors.History;

/// <summary>Adds organic usage up: counts, tokens and the two latency histograms, for one gateway's window or one
/// group of the dashboard's table.</summary>
public sealed class UsageAccumulator
{
    public long Requests { get; private set; }

    public long Failed { get; private set; }

    public long PromptTokens { get; private set; }

    public long CompletionTokens { get; private set; }

    public LatencyBuckets FirstToken { get; } = new();

    public LatencyBuckets Total { get; } = new();

    public void Add(long requests, long failed, long promptTokens, long completionTokens, LatencyBuckets firstToken, LatencyBuckets total)
    {
        Requests += requests;
        Failed += failed;
        PromptTokens += promptTokens;
        CompletionTokens += completionTokens;
        FirstToken.Merge(firstToken);
        Total.Merge(total);
    }

    /// <summary>One request: <paramref name="firstToken"/> is null when no token came.</summary>
    public void Record(bool failed, long promptTokens, long completionTokens, TimeSpan? firstToken, TimeSpan total)
    {
        Requests++;
        Failed += failed ? 1 : 0;
        PromptTokens += promptTokens;
        CompletionTokens += completionTokens;
        if (firstToken is { } first)
        {
            FirstToken.Add(first);
        }

        Total.Add(total);
    }

    public void Add(UsageAccumulator other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Add(other.Requests, other.Failed, other.PromptTokens, other.CompletionTokens, other.FirstToken, other.Total);
    }

    public OrganicUsageTotal ToTotal(string taskId, string keyId) => new(
        taskId, keyId, Requests, Failed, PromptTokens, CompletionTokens, Ms(FirstToken.Percentile(0.5)), Ms(FirstToken.Percentile(0.95)),
        Ms(Total.Percentile(0.5)), Ms(Total.Percentile(0.95)), Ms(Total.Percentile(0.99)));

    private static double? Ms(TimeSpan? latency) => latency?.TotalMilliseconds;
}
