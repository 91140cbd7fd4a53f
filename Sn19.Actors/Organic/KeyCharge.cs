namespace Sn19.Actors.Organic;

/// <summary>One settled request of a key: what it used and what it cost.</summary>
public sealed record KeyCharge(string RequestId, string TaskId, int PromptTokens, int CompletionTokens, decimal Charged, DateTimeOffset At);
