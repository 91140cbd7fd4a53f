namespace Sn19.Host.Organic;

/// <summary>What one organic request came to, filled in as it goes and counted when it ends.</summary>
internal sealed class RequestTally
{
    /// <summary>The task id, "unknown" until the body is read.</summary>
    public string Task { get; set; } = "unknown";

    /// <summary>The key, once its credit was held (a refused request counts in the metrics only).</summary>
    public string? KeyId { get; set; }

    /// <summary>ok, failed, no_capacity, aborted, unavailable, unauthorized, invalid, or a refusal (nocredit, ratelimited, unknownkey …).</summary>
    public string Status { get; set; } = "invalid";

    public long PromptTokens { get; set; }

    public long CompletionTokens { get; set; }

    /// <summary>When the first token reached the gateway (a <see cref="System.Diagnostics.Stopwatch"/> timestamp).</summary>
    public long? FirstToken { get; set; }
}
